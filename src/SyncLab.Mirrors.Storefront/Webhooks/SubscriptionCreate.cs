using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;

namespace SyncLab.Mirrors.Storefront.Webhooks;

/// <summary><c>webhookSubscriptionCreate</c> / <c>webhookSubscriptionDelete</c>: HTTP subscriptions, JSON format.</summary>
public static class SubscriptionCreate
{
    public sealed record Request(string Topic, string? CallbackUrl, string? Format);

    public sealed record CreatePayload(WebhookSubscriptionRecord? WebhookSubscription, IReadOnlyList<UserErrorValue> UserErrors);

    public sealed record DeletePayload(string? DeletedWebhookSubscriptionId, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>userErrors for the request, given the subscriptions that exist; pure.</summary>
    public static IReadOnlyList<UserErrorValue> Validate(Request request, IEnumerable<WebhookSubscriptionRecord> existing)
    {
        if (request.CallbackUrl is null
            || !Uri.TryCreate(request.CallbackUrl, UriKind.Absolute, out var url)
            || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return [new UserErrorValue(["webhookSubscription", "callbackUrl"], "Address is invalid")];
        }
        if (request.Format is not (null or "JSON"))
        {
            return [new UserErrorValue(["webhookSubscription", "format"], "Format is not supported by this mirror (JSON only)")];
        }
        if (existing.Any(s => s.Topic == request.Topic && s.CallbackUrl == request.CallbackUrl))
        {
            return [new UserErrorValue(["webhookSubscription", "callbackUrl"], "Address for this topic has already been taken")];
        }
        return [];
    }

    public static async Task<CreatePayload> CreateAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var existing = await shop.Db.WebhookSubscriptions.AsNoTracking().Where(s => s.Topic == request.Topic).ToListAsync(ct);
        var errors = Validate(request, existing);
        if (errors.Count > 0)
        {
            return new CreatePayload(null, errors);
        }
        var now = shop.Clock.GetUtcNow();
        var subscription = new WebhookSubscriptionRecord
        {
            Topic = request.Topic,
            CallbackUrl = request.CallbackUrl!,
            ApiVersion = shop.ApiVersion,
            CreatedAt = now,
            UpdatedAt = now,
        };
        shop.Db.WebhookSubscriptions.Add(subscription);
        await shop.Db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect($"webhook subscription {request.Topic} -> {request.CallbackUrl}", "webhookSubscriptionCreate");
        return new CreatePayload(subscription, []);
    }

    public static async Task<DeletePayload> DeleteAsync(ShopRequest shop, string id, CancellationToken ct)
    {
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var key = Gid.TryParse(id, "WebhookSubscription") ?? 0;
        var subscription = await shop.Db.WebhookSubscriptions.FirstOrDefaultAsync(s => s.Id == key, ct);
        if (subscription is null)
        {
            return new DeletePayload(null, [new UserErrorValue(["id"], "Webhook subscription does not exist")]);
        }
        shop.Db.WebhookSubscriptions.Remove(subscription);
        await shop.Db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect($"webhook subscription {subscription.Topic} -> {subscription.CallbackUrl} deleted", "webhookSubscriptionDelete");
        return new DeletePayload(id, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<WebhookSubscriptionCreatePayloadGraphType>("webhookSubscriptionCreate")
            .Argument<NonNullGraphType<WebhookSubscriptionTopicGraphType>>("topic")
            .Argument<NonNullGraphType<WebhookSubscriptionInputGraphType>>("webhookSubscription")
            .ResolveAsync(async c =>
            {
                var input = c.Object("webhookSubscription");
                var request = new Request(c.GetArgument<string>("topic"), input.String("callbackUrl"), input.String("format"));
                return await CreateAsync(c.Shop(), request, c.CancellationToken);
            });
        mutation.Field<WebhookSubscriptionDeletePayloadGraphType>("webhookSubscriptionDelete")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await DeleteAsync(c.Shop(), c.GetArgument<string>("id"), c.CancellationToken));
    }
}

/// <summary><c>webhookSubscriptions(first, after, topics)</c>: what is subscribed.</summary>
public static class WebhookSubscriptionsQuery
{
    internal static void AddTo(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<WebhookSubscriptionConnectionGraphType>>("webhookSubscriptions")
            .Argument<IntGraphType>("first")
            .Argument<StringGraphType>("after")
            .Argument<BooleanGraphType>("reverse", a => a.DefaultValue = false)
            .Argument<ListGraphType<NonNullGraphType<WebhookSubscriptionTopicGraphType>>>("topics")
            .ResolveAsync(async c =>
            {
                var topics = c.GetArgument<List<string>?>("topics");
                var all = await c.Shop().Db.WebhookSubscriptions.AsNoTracking().ToListAsync(c.CancellationToken);
                // Compliance subscriptions belong to the app's configuration, not to the shop: the API does not list them.
                return c.PageOf(all.Where(s => WebhookTopics.All.ContainsKey(s.Topic) && (topics is null || topics.Contains(s.Topic))).ToList(), s => s.Id);
            });
    }
}

public sealed class WebhookSubscriptionInputGraphType : InputObjectGraphType
{
    public WebhookSubscriptionInputGraphType()
    {
        Name = "WebhookSubscriptionInput";
        Field<UrlGraphType>("callbackUrl");
        Field<WebhookSubscriptionFormatGraphType>("format");
    }
}

public sealed class WebhookSubscriptionGraphType : ObjectGraphType<WebhookSubscriptionRecord>
{
    public WebhookSubscriptionGraphType()
    {
        Name = "WebhookSubscription";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => Gid.WebhookSubscription(c.Source.Id));
        Field<NonNullGraphType<WebhookSubscriptionTopicGraphType>>("topic").Resolve(c => c.Source.Topic);
        Field<NonNullGraphType<WebhookSubscriptionFormatGraphType>>("format").Resolve(c => c.Source.Format);
        Field<NonNullGraphType<UrlGraphType>>("callbackUrl").Resolve(c => c.Source.CallbackUrl).DeprecationReason("Use `endpoint` instead.");
        Field<NonNullGraphType<WebhookSubscriptionEndpointGraphType>>("endpoint").Resolve(c => c.Source);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<ShopifyDateTimeGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

/// <summary>The endpoint union; the mirror only has HTTP endpoints.</summary>
public sealed class WebhookSubscriptionEndpointGraphType : UnionGraphType
{
    public WebhookSubscriptionEndpointGraphType()
    {
        Name = "WebhookSubscriptionEndpoint";
        // WebhookHttpEndpoint is an ObjectGraphType<WebhookSubscriptionRecord>: its IsTypeOf picks it.
        Type<WebhookHttpEndpointGraphType>();
    }
}

public sealed class WebhookHttpEndpointGraphType : ObjectGraphType<WebhookSubscriptionRecord>
{
    public WebhookHttpEndpointGraphType()
    {
        Name = "WebhookHttpEndpoint";
        Field<NonNullGraphType<UrlGraphType>>("callbackUrl").Resolve(c => c.Source.CallbackUrl);
    }
}

public sealed class WebhookSubscriptionEdgeGraphType() : EdgeGraphType<WebhookSubscriptionGraphType, WebhookSubscriptionRecord>("WebhookSubscriptionEdge");

public sealed class WebhookSubscriptionConnectionGraphType()
    : ConnectionGraphType<WebhookSubscriptionEdgeGraphType, WebhookSubscriptionGraphType, WebhookSubscriptionRecord>("WebhookSubscriptionConnection");

public sealed class WebhookSubscriptionCreatePayloadGraphType : ObjectGraphType<SubscriptionCreate.CreatePayload>
{
    public WebhookSubscriptionCreatePayloadGraphType()
    {
        Name = "WebhookSubscriptionCreatePayload";
        Field<WebhookSubscriptionGraphType>("webhookSubscription").Resolve(c => c.Source.WebhookSubscription);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}

public sealed class WebhookSubscriptionDeletePayloadGraphType : ObjectGraphType<SubscriptionCreate.DeletePayload>
{
    public WebhookSubscriptionDeletePayloadGraphType()
    {
        Name = "WebhookSubscriptionDeletePayload";
        Field<IdGraphType>("deletedWebhookSubscriptionId").Resolve(c => c.Source.DeletedWebhookSubscriptionId);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
