using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Cli.Output;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Pos;
using SyncLab.Mirrors.Storefront;
using SyncLab.Mirrors.Warehouse;

namespace SyncLab.Cli.Commands;

/// <summary>
/// <c>synclab mirror &lt;erp|storefront|pos|warehouse&gt;</c>: one mirror alone on a seeded estate, until Ctrl-C,
/// for a team that integrates with one system only. Same estate, clock and store options as <c>synclab up</c>.
/// </summary>
internal static class MirrorCommand
{
    /// <summary>Each mirror, the port offset <c>synclab up</c> gives it (from 5100) and where it describes its API.</summary>
    private static readonly Dictionary<string, Mirror> Mirrors = new(StringComparer.Ordinal)
    {
        ["erp"] = new(ErpMirror.Descriptor, 1, "/api/v2.0/$metadata", (o, c, e, l) => ErpMirror.Build(o, c, e, logs: l)),
        ["storefront"] = new(StorefrontMirror.Descriptor, 2, "/_synclab/schema.graphql", (o, c, e, l) => StorefrontMirror.Build(o, c, e, logs: l)),
        ["pos"] = new(PosMirror.Descriptor, 3, "/_synclab/openapi.json", (o, c, e, l) => PosMirror.Build(o, c, e, logs: l)),
        ["warehouse"] = new(WarehouseMirror.Descriptor, 4, "/_synclab/openapi.json", (o, c, e, l) => WarehouseMirror.Build(o, c, e, logs: l)),
    };

    public static Command Create()
    {
        var system = new Argument<string>("system") { Description = "Which mirror: erp, storefront, pos or warehouse" };
        system.AcceptOnlyFromAmong([.. Mirrors.Keys]);
        var common = new CommonOptions("Folder for SQLite files (default with --store sqlite: .synclab, shared with synclab up)");
        var port = new Option<int?>("--port")
        {
            Description = "Port to listen on (default: the one synclab up --base-port gives it, 5101 for erp to 5104 for warehouse; 0 = a free port)",
        };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535");
            }
        });

        var command = new Command("mirror", "Run one mirror alone on a seeded estate, e.g. synclab mirror erp --port 0") { system };
        common.AddTo(command, port);
        command.SetAction(async (result, ct) =>
        {
            if (common.ReadStore(result, "mirror") is not { } store)
            {
                return 2;
            }
            CommonOptions.HintAtStore(store, result.GetValue(common.Skus), "mirror");
            var mirror = Mirrors[result.GetValue(system)!];
            var options = new MirrorHostOptions
            {
                Url = $"http://{result.GetValue(common.Bind)}:{result.GetValue(port) ?? UpPort(mirror)}",
                AdminToken = result.GetValue(common.AdminToken),
                Store = store,
                // A durable store finds the same files or databases as `synclab up` does; in memory there is nothing to find.
                Instance = store.IsDurable ? "staging" : Guid.NewGuid().ToString("N"),
            };
            var estate = new EstateOptions { Seed = result.GetValue(common.Seed), Skus = result.GetValue(common.Skus) };
            using var clock = new BusinessClock(start: result.GetValue(common.ClockStart), rate: result.GetValue(common.ClockRate));
            return await RunAsync(mirror, options, estate, clock, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(Mirror mirror, MirrorHostOptions options, EstateOptions estateOptions, BusinessClock clock, CancellationToken ct)
    {
        var system = mirror.Descriptor.System;
        var estate = EstateGenerator.Generate(estateOptions);
        using var logs = new ConsoleLogProvider(clock, Console.Out, LogLevel.Information);
        WebApplication? app = null;
        try
        {
            if (options.Store.Directory is { } directory)
            {
                Directory.CreateDirectory(directory);
            }
            app = mirror.Build(options, clock, estate, logs);
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or DbException)
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            await Console.Error.WriteLineAsync($"synclab mirror {system}: could not start: {e.GetBaseException().Message}");
            return 1;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C before the mirror was up: nothing to stop.
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            return 0;
        }
        await using (app)
        {
            // Printed after the start: with --port 0 the address is only known once Kestrel has bound it.
            var address = app.BoundAddress().GetLeftPart(UriPartial.Authority);
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{system} ({MirrorText.Mirrors(mirror.Descriptor)}) listens on {address}; API description at {mirror.Description}; " +
                $"estate seed {estate.Options.Seed}, {estate.Items.Count} items; business clock {clock.GetUtcNow():u} at x{clock.Rate}. Ctrl-C stops."));
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, clock, ct);
            }
            catch (OperationCanceledException)
            {
                await Console.Out.WriteLineAsync("Stopping...");
            }
            await app.StopAsync(CancellationToken.None);
        }
        await Console.Out.WriteLineAsync("Stopped.");
        return 0;
    }

    /// <summary>Where <c>synclab up</c> would put this mirror: base port (SYNCLAB__BASE_PORT, else 5100) plus its offset; 0 stays 0.</summary>
    private static int UpPort(Mirror mirror) => CommonOptions.Env("BASE_PORT", 5100) is var basePort and not 0 ? basePort + mirror.Offset : 0;

    private sealed record Mirror(
        MirrorDescriptor Descriptor, int Offset, string Description, Func<MirrorHostOptions, BusinessClock, BusinessEstate, ILoggerProvider, WebApplication> Build);
}
