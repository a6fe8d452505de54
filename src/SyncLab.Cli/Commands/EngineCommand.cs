using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using SyncLab.Cli.Output;
using SyncLab.Engine.Api;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Cli.Commands;

/// <summary>
/// <c>synclab engine --config engine.json</c>: the engine alone, against whatever the file names — mirrors of a
/// staging, or the live systems. On the system clock. Several nodes share one estate's work when the file has a
/// <c>distribution</c> section (RabbitMQ + PostgreSQL). Runs until Ctrl-C.
/// </summary>
internal static class EngineCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "The engine's configuration file (JSON; see docs/engine.md)", Required = true };
        var command = new Command("engine", "Run the sync engine alone, as configured by a file (e.g. against live systems)") { config };
        command.SetAction(async (result, ct) =>
        {
            var file = result.GetValue(config)!;
            Engine.EngineOptions options;
            string listen;
            try
            {
                var loaded = EngineConfig.Load(file.FullName, Environment.GetEnvironmentVariable);
                options = loaded.ToOptions(file.FullName);
                listen = loaded.Listen;
            }
            catch (EngineConfigException e)
            {
                await Console.Error.WriteLineAsync($"synclab engine: {e.Message}");
                return 2;
            }
            return await RunAsync(options, listen, ct);
        });
        return command;
    }

    private static string Paced(Engine.Connectors.VendorLimits limits)
    {
        static string One(string vendor, Engine.Connectors.RequestLimit? l) =>
            l is null ? $"{vendor} not paced" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{vendor} paced to {l.Requests} requests per {l.Window.TotalSeconds:0.###} s");
        return $"{One("ERP", limits.Erp)}, {One("warehouse", limits.Warehouse)}, {One("POS", limits.Pos)}";
    }

    private static async Task<int> RunAsync(Engine.EngineOptions options, string listen, CancellationToken ct)
    {
        using var logs = new ConsoleLogProvider(TimeProvider.System, Console.Out, LogLevel.Information);
        WebApplication app;
        try
        {
            app = EngineWebHost.CreateBuilder(options, TimeProvider.System, listen, logs).Build();
            app.MapEngine();
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or Npgsql.NpgsqlException or RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            await Console.Error.WriteLineAsync($"synclab engine: could not start: {e.GetBaseException().Message}");
            return 1;
        }
        await using (app)
        {
            var role = options.Distribution is { } d ? $"node {d.Node} ({d.NodeIndex + 1} of {d.NodeCount}) of estate {d.Estate}, {d.Shards} shards on {d.RabbitMq.Host}" : "single node";
            await Console.Out.WriteLineAsync($"engine listens on {app.BoundAddress()}; {role}; store {options.Store.Kind}; ERP {options.ErpBaseUrl}, storefront {options.StorefrontBaseUrl}; {Paced(options.Limits)}. Ctrl-C stops.");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
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
}
