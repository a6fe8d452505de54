using System.Net;
using System.Net.Http.Json;
using SyncLab.MirrorKit.Storage;
using SyncLab.Staging;
using static SyncLab.Engine.Tests.Pipeline.StagingHttp;

namespace SyncLab.Engine.Tests.Storage;

/// <summary>
/// The office's run-time inventory settings and a stocktake under way are kept in the engine's store: a staging
/// restarted on the same folder (engine and mirrors on SQLite files) still has them in force.
/// </summary>
public sealed class InventoryStateAcrossRestartTests : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly string _directory = Directory.CreateTempSubdirectory("synclab-restart-").FullName;

    [Fact]
    public async Task settings_and_a_stocktake_set_before_a_restart_are_still_in_force_after_it()
    {
        var options = new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = Epoch,
            ClockRate = 0,
            MirrorStore = new StoreOptions(StoreKind.Sqlite),
            DataDirectory = _directory,
        };
        using var http = new HttpClient();
        string sku;
        string warehouse;
        string warehouseCode;
        int beforeRestart;
        await using (var first = await StagingHost.StartAsync(options))
        {
            sku = CleanWebSku(first);
            var site = first.Estate.Locations.First(l => l.Kind == SyncLab.Estate.LocationKind.Warehouse);
            (warehouse, warehouseCode) = (site.Name, site.Code);
            await QuiescentAsync(http, first);
            await OkAsync(http.PutAsJsonAsync(Inventory(first, "settings"), new
            {
                source = "wms+pos",
                locations = new[] { new { storefrontLocation = (string?)null, warehouses = Array.Empty<string>(), stores = Array.Empty<string>() } },
                safetyStock = new { @default = 2 },
            }));
            using var started = await http.PostAsJsonAsync(Inventory(first, "stocktakes"), new { warehouse });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            first.Clock.Advance(first.Options.PollInterval);
            await QuiescentAsync(http, first);
            beforeRestart = await StorefrontAvailableAsync(http, first, sku);
            Assert.True(beforeRestart > 0, "the SKU has warehouse stock beyond its safety stock");
        }

        await using var second = await StagingHost.StartAsync(options with { ClockStart = Epoch.AddHours(1) });
        await QuiescentAsync(http, second);
        var settings = (await GetAsync(http, Inventory(second, "settings")))!;
        Assert.Equal("wms+pos", (string?)settings["source"]);
        Assert.Equal(2, (int)settings["safetyStock"]!["default"]!);
        var stocktake = Assert.Single(settings["stocktakes"]!.AsArray())!;
        Assert.Equal(warehouse, (string?)stocktake["warehouse"]);
        Assert.Equal(Epoch, (DateTimeOffset)stocktake["startedAt"]!);
        Assert.True((int)stocktake["skusKnown"]! > 0);

        // Still frozen, at the levels kept from before the restart (the first poll planned every SKU again): a count in
        // the warehouse does not move the storefront while the stocktake is under way.
        var frozen = await StorefrontAvailableAsync(http, second, sku);
        Assert.Equal(beforeRestart, frozen);
        var counted = frozen + 17;
        await OkAsync(http.PostAsJsonAsync(new Uri(second.Addresses["warehouse"], "_synclab/warehouse/stock-counts"), new { warehouseCode, sku, countedQuantity = counted }));
        second.Clock.Advance(second.Options.PollInterval);
        await QuiescentAsync(http, second);
        Assert.Equal(frozen, await StorefrontAvailableAsync(http, second, sku));

        // The count over: the warehouse's stock less the safety stock set before the restart.
        await OkAsync(http.DeleteAsync(new Uri(Inventory(second, "stocktakes") + "/" + Uri.EscapeDataString(warehouse))));
        await QuiescentAsync(http, second);
        Assert.Equal(counted - 2, await StorefrontAvailableAsync(http, second, sku));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }

    private static Uri Inventory(StagingHost host, string path) => new(host.Addresses["engine"], "engine/inventory/" + path);
}
