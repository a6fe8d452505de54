using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Capture;
using SyncLab.Engine.Orders;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// A backlog of web orders (the engine was down over a sale) is read a page at a time; when the storefront fails
/// half-way through, what was read is queued and the cursor stands after it, so the next poll starts there instead
/// of reading the whole backlog again.
/// </summary>
public sealed class OrderBacklogCaptureTests
{
    private const int Orders = 25;

    [Fact]
    public async Task a_poll_that_fails_half_way_through_a_backlog_keeps_the_pages_it_read()
    {
        await using var host = await StagingHttp.StartMirrorsAsync(o => o);
        using var http = new HttpClient();
        var warehouse = host.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse).Code;
        var stocked = host.Estate.Stock.Where(s => s.LocationCode == warehouse && s.Quantity >= 3).Select(s => s.Sku).ToHashSet();
        var skus = host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && stocked.Contains(i.Sku)).Select(i => i.Sku).Take(9).ToList();
        var placed = new List<string>();
        var placedAt = new List<DateTimeOffset>();
        for (var i = 0; i < Orders; i++)
        {
            // Five minutes apart: more than the poll's overlap window, so the cursor tells the orders apart.
            host.Clock.Advance(TimeSpan.FromMinutes(5));
            using var response = await http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"),
                new { email = $"backlog{i}@example.com", firstName = "Back", lastName = "Log", lines = new[] { new { sku = skus[i % skus.Count], quantity = 1 } } });
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            placed.Add((string)(await response.Content.ReadFromJsonAsync<JsonNode>())!["id"]!);
            placedAt.Add(host.Clock.GetUtcNow());
        }

        var storefront = new FailingOrderPages();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(host.Clock);
        var options = new EngineOptions
        {
            ErpBaseUrl = host.Addresses["erp"],
            StorefrontBaseUrl = host.Addresses["storefront"],
            Store = EngineStore.InMemory($"backlog-{Guid.NewGuid():N}"),
        };
        services.AddSyncEngine(options);
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => storefront.Handler()));
        await using var provider = services.BuildServiceProvider();
        var capture = provider.GetServices<IChangeSource>().Single(s => s.Name == StorefrontOrderCapture.Source);
        var dbs = provider.GetRequiredService<IDbContextFactory<EngineDb>>();

        // The third page of orders fails, whatever the retries.
        storefront.FailPage = 3;
        await Assert.ThrowsAnyAsync<Exception>(() => capture.PollAsync(CancellationToken.None));

        // Two pages of ten, the oldest changes first, are queued; the cursor stands at the last of them.
        var (queued, cursor) = await StateAsync(dbs);
        Assert.Equal(placed[..20].Order(StringComparer.Ordinal), queued.Order(StringComparer.Ordinal));
        Assert.Equal(placedAt[19], cursor);

        // The storefront answers again: the next poll starts at the cursor (less the overlap), not at the beginning.
        storefront.FailPage = null;
        storefront.Reads.Clear();
        var pagesBefore = storefront.Pages;
        host.Clock.Advance(TimeSpan.FromMinutes(1)); // the next poll, a poll interval later (Shopify's cost bucket refills meanwhile)
        await capture.PollAsync(CancellationToken.None);

        (queued, _) = await StateAsync(dbs);
        Assert.Equal(placed.Order(StringComparer.Ordinal), queued.Order(StringComparer.Ordinal));
        Assert.Equal(1, storefront.Pages - pagesBefore); // the six orders changed since the cursor, less the overlap
        var from = cursor - options.PollOverlap;
        Assert.Equal([$"updated_at:>='{from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}'"], storefront.Reads);
    }

    private static async Task<(List<string> Keys, DateTimeOffset Cursor)> StateAsync(IDbContextFactory<EngineDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var keys = await db.WorkItems.Where(w => w.Process == OrderToErpProcess.ProcessName).Select(w => w.Key).ToListAsync();
        var checkpoint = await db.Checkpoints.SingleAsync(c => c.Source == StorefrontOrderCapture.Source);
        return (keys, new DateTimeOffset(checkpoint.CursorTicks, TimeSpan.Zero));
    }

    /// <summary>
    /// Between the engine and the storefront: fails every read of an orders page from the <see cref="FailPage"/>-th on
    /// (a storefront that went down mid-backlog), and notes the search each poll's reads use.
    /// </summary>
    private sealed class FailingOrderPages
    {
        private int _pages;

        public int? FailPage { get; set; }

        public int Pages => Volatile.Read(ref _pages);

        public List<string> Reads { get; } = [];

        public DelegatingHandler Handler() => new Gate(this);

        private sealed class Gate(FailingOrderPages owner) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
                if (body is not null && body.Contains("OrdersSince", StringComparison.Ordinal))
                {
                    var page = Interlocked.Increment(ref owner._pages);
                    if (owner.FailPage is { } fail && page >= fail)
                    {
                        return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("{\"errors\":\"Internal error\"}") };
                    }
                    var variables = JsonNode.Parse(body)!["variables"]!;
                    if (variables["after"] is null)
                    {
                        lock (owner.Reads)
                        {
                            owner.Reads.Add((string)variables["q"]!);
                        }
                    }
                }
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
