using SyncLab.Bench.Engine;
using SyncLab.Estate;

namespace SyncLab.Bench.Tests;

/// <summary>
/// <c>synclab bench engine</c> at a tiny size: the figures it reports must be what happened (calls made, orders in the
/// ERP, percentiles in order), not how fast. One class: the probe hears every engine in the process, so these run alone.
/// </summary>
public sealed class EngineBenchmarkTests
{
    [Fact]
    public async Task each_case_at_a_tiny_size_reports_calls_made_and_every_order_in_the_erp()
    {
        var options = new EngineBenchOptions
        {
            Skus = 50,
            LimitedSkus = 30,
            // The order burst at the limits has a test of its own below.
            LimitedOrders = 0,
            Orders = 20,
            BurstSkus = 100,
            BurstPollInterval = TimeSpan.FromSeconds(1),
            CompareUnpaced = false,
            Timeout = TimeSpan.FromMinutes(3),
        };

        var report = await EngineBenchmark.RunAsync(options, TextWriter.Null, CancellationToken.None);

        Assert.True(report.Complete, report.Render());
        var full = Assert.Single(report.Syncs, s => !s.Limited);
        Assert.True(full.Finished);
        Assert.True(full.Storefront.Total > 0 && full.Erp.Total > 0, full.Summary);
        // Prices, stock and the product's state: every SKU is at least one applied work item.
        Assert.True(full.Applied >= full.Skus, full.Summary);
        Assert.Equal(0, full.Storefront.Throttled);
        Assert.True(full.Wall > TimeSpan.Zero && full.AllocatedBytes > 0 && full.PeakWorkingSetBytes > 0);
        // The CPU the process spent is measured, and the till's catalogue was asked (pos.catalog looks every SKU up in Square).
        Assert.True(full.Cpu > TimeSpan.Zero && full.PosCalls > 0, full.Summary);

        var limited = Assert.Single(report.Syncs, s => s.Limited);
        Assert.True(limited.Pacing);
        Assert.True(limited.Storefront.Total > 0 && limited.StorefrontCost > 0 && limited.Erp.Total > 0, limited.Summary);
        Assert.InRange(limited.Storefront.Throttled, 0, limited.Storefront.Total);
        Assert.True(limited.Business > TimeSpan.Zero, "at the vendors' limits the business clock runs");

        var burst = Assert.IsType<BurstResult>(report.Burst);
        Assert.Equal(20, burst.Placed);
        Assert.Equal(0, burst.Refused);
        Assert.Equal(20, burst.AppliedByEngine);
        Assert.Equal(20, burst.Timed);
        Assert.Equal(20, burst.FoundInErp);
        Assert.True(burst.P50Ms > 0);
        Assert.True(burst.P50Ms <= burst.P95Ms && burst.P95Ms <= burst.P99Ms && burst.P99Ms <= burst.MaxMs, burst.Summary);
        Assert.True(burst.Erp.Total >= 20, "each order is at least one call to the ERP");

        var markdown = report.Render();
        Assert.Contains(full.Summary, markdown, StringComparison.Ordinal);
        Assert.Contains(burst.Summary, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_order_burst_at_the_limits_with_the_pacers_reaches_the_erp_and_the_warehouse_without_a_429()
    {
        // The ERP at Business Central's 20 requests/s over a 50-ms window (one request), the warehouse at ShipStation's
        // 200 a minute: an order's ERP calls follow one another, so nearly every one has to wait for a place.
        var options = new EngineBenchOptions
        {
            LimitedSkus = 30,
            LimitedOrders = 12,
            LimitedErpWindow = TimeSpan.FromMilliseconds(50),
            BurstPollInterval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromMinutes(3),
        };

        var burst = await LimitsBurst.RunAsync("tiny burst", options, pacing: true, TextWriter.Null, CancellationToken.None);

        Assert.True(burst.Finished, burst.Summary);
        Assert.Equal(12, burst.Placed);
        Assert.Equal(12, burst.InErp);
        Assert.Equal(12, burst.InWarehouse);
        Assert.Equal(new SyncLab.Engine.Connectors.RequestLimit(1, TimeSpan.FromMilliseconds(50)), burst.ErpLimit);
        // Paced to the limits the mirrors enforce, on the same clock: calls waited, and the vendors never had to refuse one.
        Assert.True(burst.ErpPaced.Calls > 0 && burst.ErpPaced.Seconds > 0, burst.Summary);
        Assert.Equal(0, burst.Erp.Throttled);
        Assert.Equal(0, burst.Warehouse.Throttled);
        Assert.True(burst.Erp.Total >= 2 * 12, "each order is looked up and created in the ERP");
        Assert.True(burst.Warehouse.Total >= 2 * 12, "each order is looked up and created as a shipment");
        Assert.True(burst.Business > TimeSpan.Zero);
        Assert.Equal(Math.Max(1, burst.Business.TotalSeconds / 0.05), burst.Ceiling(burst.ErpLimit), precision: 6);
        Assert.Equal(200 * Math.Max(1, burst.Business.TotalSeconds / 60), burst.Ceiling(burst.WarehouseLimit), precision: 6);

        var markdown = new EngineBenchReport(options, Report.MachineInfo.Capture(), [], null, [burst]).Render();
        Assert.Contains(burst.Summary, markdown, StringComparison.Ordinal);
        Assert.Contains("| tiny burst | 12 / 12 (12) |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void the_erp_window_of_the_burst_at_the_limits_keeps_business_centrals_rate()
    {
        Assert.Equal(new SyncLab.Mirrors.Erp.ErpRateLimit(300, TimeSpan.FromSeconds(15)), LimitsBurst.ErpLimit(TimeSpan.FromSeconds(15)));
        Assert.Equal(new SyncLab.Mirrors.Erp.ErpRateLimit(6_000, TimeSpan.FromMinutes(5)), LimitsBurst.ErpLimit(TimeSpan.FromMinutes(5)));
        Assert.Equal(1, LimitsBurst.ErpLimit(TimeSpan.FromMilliseconds(10)).Requests);
    }

    [Fact]
    public void the_burst_never_orders_more_of_a_sku_than_its_warehouses_hold()
    {
        var estate = EstateGenerator.Generate(new EstateOptions { Seed = 42, Skus = 40 });
        var lines = EngineBenchmark.OrderLines(estate, 10_000);

        var warehouses = estate.Locations.Where(l => l.Kind == LocationKind.Warehouse).Select(l => l.Code).ToHashSet();
        Assert.NotEmpty(lines);
        foreach (var (sku, count) in lines.CountBy(s => s))
        {
            var item = estate.Items.Single(i => i.Sku == sku);
            Assert.True(item.WebEnabled && !item.Blocked && item.Number == item.Sku);
            Assert.True(count <= estate.Stock.Where(s => s.Sku == sku && warehouses.Contains(s.LocationCode)).Sum(s => s.Quantity));
        }
    }

    [Theory]
    [InlineData(50, 5)]
    [InlineData(95, 10)]
    [InlineData(99, 10)]
    [InlineData(100, 10)]
    [InlineData(1, 1)]
    public void percentiles_are_the_nearest_rank_of_every_sample(double percent, double expected) =>
        Assert.Equal(expected, EngineBenchmark.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], percent));
}
