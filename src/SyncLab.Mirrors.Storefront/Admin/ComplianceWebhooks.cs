using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Admin;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Admin;

/// <summary>
/// <c>PUT|GET|DELETE /_synclab/storefront/compliance-webhooks</c>: where the app receives the mandatory
/// compliance topics (customers/data_request, customers/redact, shop/redact). On Shopify an app declares
/// this in its configuration (<c>compliance_topics</c> and <c>uri</c>), never through the Admin API, so the
/// mirror takes it here; deliveries then go out like any other webhook (signed, retried).
/// </summary>
public static class ComplianceWebhooks
{
    private static readonly string[] ComplianceKeys = [.. WebhookTopics.Compliance.Keys];

    public sealed record Body(string? Uri, IReadOnlyList<string>? Topics);

    public sealed record View(string Uri, IReadOnlyList<string> Topics);

    internal static void Map(RouteGroupBuilder group)
    {
        group.MapPut("/compliance-webhooks", PutAsync);
        group.MapGet("/compliance-webhooks", GetAsync);
        group.MapDelete("/compliance-webhooks", DeleteAsync);
    }

    private static async Task<Results<Ok<View>, ProblemHttpResult>> PutAsync(Body body, ShopRequest shop, CancellationToken ct)
    {
        if (body.Uri is null || !System.Uri.TryCreate(body.Uri, UriKind.Absolute, out var uri) || (uri.Scheme != System.Uri.UriSchemeHttp && uri.Scheme != System.Uri.UriSchemeHttps))
        {
            return AdminApi.Problem("compliance-uri", "Invalid compliance webhook URI", "uri must be an absolute http(s) URL.");
        }
        var topics = body.Topics ?? [.. WebhookTopics.Compliance.Values];
        var unknown = topics.Where(t => !WebhookTopics.Compliance.Values.Contains(t)).ToList();
        if (unknown.Count > 0)
        {
            return AdminApi.Problem("compliance-topic", "Unknown compliance topic",
                $"{string.Join(", ", unknown)}: the compliance topics are {string.Join(", ", WebhookTopics.Compliance.Values)}.");
        }
        var db = shop.Db;
        using (await shop.WriteGate.EnterAsync(ct))
        {
            db.WebhookSubscriptions.RemoveRange(await db.WebhookSubscriptions.Where(s => ComplianceKeys.Contains(s.Topic)).ToListAsync(ct));
            var now = shop.Clock.GetUtcNow();
            foreach (var topic in WebhookTopics.Compliance.Where(t => topics.Contains(t.Value)))
            {
                db.WebhookSubscriptions.Add(new WebhookSubscriptionRecord
                {
                    Topic = topic.Key,
                    CallbackUrl = body.Uri,
                    ApiVersion = shop.Settings.ApiVersions[^1],
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            await db.SaveChangesAsync(ct);
        }
        shop.Ledger.RecordEffect($"compliance webhooks {string.Join(", ", topics)} -> {body.Uri}", "/_synclab/storefront/compliance-webhooks");
        return TypedResults.Ok(new View(body.Uri, topics));
    }

    private static async Task<Ok<List<View>>> GetAsync(ShopRequest shop, CancellationToken ct)
    {
        var rows = await shop.Db.WebhookSubscriptions.AsNoTracking().Where(s => ComplianceKeys.Contains(s.Topic)).ToListAsync(ct);
        return TypedResults.Ok(rows.GroupBy(s => s.CallbackUrl).Select(g => new View(g.Key, g.Select(s => WebhookTopics.Compliance[s.Topic]).ToList())).ToList());
    }

    private static async Task<NoContent> DeleteAsync(ShopRequest shop, CancellationToken ct)
    {
        using (await shop.WriteGate.EnterAsync(ct))
        {
            shop.Db.WebhookSubscriptions.RemoveRange(await shop.Db.WebhookSubscriptions.Where(s => ComplianceKeys.Contains(s.Topic)).ToListAsync(ct));
            await shop.Db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }
}
