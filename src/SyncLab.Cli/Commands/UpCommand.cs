using System.CommandLine;
using System.Globalization;
using SyncLab.Cli.Output;
using SyncLab.Engine.Mapping;
using SyncLab.Engine.Products;
using SyncLab.MirrorKit.Storage;
using SyncLab.Staging;

namespace SyncLab.Cli.Commands;

/// <summary><c>synclab up</c>: the four mirrors, the engine and a seeded estate in one process, until Ctrl-C.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var common = new CommonOptions("Folder for SQLite files (default with --store sqlite: .synclab; otherwise a throw-away folder)");
        var port = new Option<int>("--base-port")
        {
            Description = "Engine port; ERP, storefront, POS and warehouse take the next four (0 = free ports)",
            DefaultValueFactory = _ => CommonOptions.Env("BASE_PORT", 5100),
        };

        var mapping = new Option<FileInfo?>("--mapping")
        {
            Description = "The estate's mapping file (YAML, docs/engine.md \"The mapping file\"); default: the seeded estate's, fixtures/mappings/default-estate.yaml",
        };

        var limits = new Option<bool>("--vendor-limits")
        {
            Description = "Turn on the ERP's and the warehouse's documented request limits in their mirrors (Business Central 6,000 per 5 minutes, ShipStation 200 per minute, on the business clock); the engine is paced to them",
        };

        var webhooks = new Option<bool>("--webhooks")
        {
            Description = "The engine subscribes to the ERP's, the POS's and the warehouse's webhooks at its own address when it starts (docs/engine.md \"Webhooks\"); default: polling only",
        };

        var command = new Command("up", "Start the mirrors, the engine and a seeded estate (embedded defaults: no server needed)");
        common.AddTo(command, port, mapping, webhooks, limits);
        command.SetAction(async (result, ct) =>
        {
            if (common.ReadStore(result, "up") is not { } store)
            {
                return 2;
            }
            CatalogRules? rules = null;
            if (result.GetValue(mapping) is { } file)
            {
                try
                {
                    rules = MappingFile.Load(file.FullName);
                }
                catch (MappingFileException e)
                {
                    Console.Error.WriteLine($"synclab up: {e.Message}");
                    return 2;
                }
            }
            CommonOptions.HintAtStore(store, result.GetValue(common.Skus), "up");
            var options = new StagingOptions
            {
                Seed = result.GetValue(common.Seed),
                Skus = result.GetValue(common.Skus),
                BasePort = result.GetValue(port),
                BindAddress = result.GetValue(common.Bind)!,
                ClockRate = result.GetValue(common.ClockRate),
                ClockStart = result.GetValue(common.ClockStart),
                AdminToken = result.GetValue(common.AdminToken),
                DataDirectory = common.DataDirectory(result),
                MirrorStore = store,
                EnginePostgres = store.Kind == StoreKind.Postgres ? store.ConnectionString : null,
                Mapping = rules,
                ErpRateLimit = result.GetValue(limits) ? SyncLab.Mirrors.Erp.ErpRateLimit.BusinessCentralOnline : null,
                WarehouseRateLimit = result.GetValue(limits) ? SyncLab.Mirrors.Warehouse.ShipStationRateLimit.Production : null,
                EngineWebhooks = result.GetValue(webhooks),
            };
            return await RunAsync(options, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(StagingOptions options, CancellationToken ct)
    {
        var logs = new DeferredClockLogProvider(Console.Out);
        StagingHost host;
        try
        {
            host = await StagingHost.StartAsync(options, logs, ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Npgsql.NpgsqlException)
        {
            Console.Error.WriteLine($"synclab up: could not start: {e.GetBaseException().Message}");
            return 1;
        }
        await using (host)
        {
            logs.Attach(host.Clock);
            PrintTopology(host);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, host.Clock, ct);
            }
            catch (OperationCanceledException)
            {
                Console.Out.WriteLine("Stopping...");
            }
        }
        Console.Out.WriteLine("Stopped.");
        return 0;
    }

    private static void PrintTopology(StagingHost host)
    {
        var output = Console.Out;
        foreach (var mirror in host.Mirrors)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mirror.System,-11} {host.Addresses[mirror.System],-26} {MirrorText.Mirrors(mirror)}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"engine",-11} {host.Addresses["engine"],-26} SyncLab engine: /engine/status, /engine/data-errors, /engine/quiescence"));
        foreach (var service in host.Foreign?.Services.Values ?? [])
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{service.Name,-11} {service.Address,-26} foreign service (WireMock.Net) {service.Description}; faults at /_synclab/foreign/{service.Name}/faults on the engine"));
        }
        var estate = host.Estate;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Estate: seed {estate.Options.Seed}, {estate.Items.Count} items, {estate.Customers.Count} customers, {estate.Locations.Count} locations. Business clock {host.Clock.GetUtcNow():u} at x{host.Clock.Rate}. Ctrl-C stops."));
    }
}
