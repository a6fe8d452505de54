using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.Engine;
using SyncLab.Engine.Api;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Mapping;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Estate;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Pos;
using SyncLab.Mirrors.Storefront;
using SyncLab.Mirrors.Warehouse;
using SyncLab.Staging.Foreign;

namespace SyncLab.Staging;

/// <summary>
/// Starts the whole staging in-process: one estate, one business clock, four mirrors and the engine,
/// each on its own loopback port. The engine talks to the mirrors over real HTTP, exactly as it would
/// to the live systems.
/// </summary>
public sealed class StagingHost : IAsyncDisposable
{
    private readonly List<WebApplication> _apps = [];
    private readonly Dictionary<string, WebApplication> _mirrors = [];
    private readonly string? _ownedDirectory;
    private readonly TimeZoneInfo _startZone;

    private StagingHost(StagingOptions options, BusinessClock clock, BusinessEstate estate, string? ownedDirectory)
    {
        Options = options;
        Clock = clock;
        Estate = estate;
        _ownedDirectory = ownedDirectory;
        _startZone = clock.LocalTimeZone;
    }

    public StagingOptions Options { get; }

    /// <summary>The throw-away folder this staging made for its files (removed on dispose); null when <see cref="StagingOptions.DataDirectory"/> was given.</summary>
    public string? ScratchDirectory => _ownedDirectory;

    public BusinessClock Clock { get; }

    public BusinessEstate Estate { get; }

    /// <summary>Where each part listens: engine, erp, storefront, pos, warehouse, and the foreign services tax, carrier, address.</summary>
    public IReadOnlyDictionary<string, Uri> Addresses => _addresses;

    public IReadOnlyList<MirrorDescriptor> Mirrors { get; } = [ErpMirror.Descriptor, StorefrontMirror.Descriptor, PosMirror.Descriptor, WarehouseMirror.Descriptor];

    public SyncEngine Engine { get; private set; } = null!;

    /// <summary>The WireMock.Net stubs for tax, carrier and address; null when <see cref="StagingOptions.ForeignServices"/> turns them off.</summary>
    public ForeignServices? Foreign { get; private set; }

    private readonly Dictionary<string, Uri> _addresses = [];

    private static readonly Lazy<CatalogRules> EmbeddedMapping = new(() =>
    {
        using var stream = typeof(StagingHost).Assembly.GetManifestResourceStream(DefaultMappingResource)
            ?? throw new InvalidOperationException($"the staging was built without {DefaultMappingResource}");
        using var reader = new StreamReader(stream);
        return MappingFile.Parse(reader.ReadToEnd(), "fixtures/mappings/default-estate.yaml");
    });

    private const string DefaultMappingResource = "SyncLab.Staging.default-estate.yaml";

    /// <summary>
    /// The seeded estate's mapping, <c>fixtures/mappings/default-estate.yaml</c> (embedded): the engine's built-in mapping, the
    /// estate's upgrade date, and the merchant's low-stock thresholds for the categories that sell fast.
    /// </summary>
    public static CatalogRules DefaultMapping => EmbeddedMapping.Value;

    public static async Task<StagingHost> StartAsync(StagingOptions options, ILoggerProvider? logs = null, CancellationToken ct = default)
    {
        var clock = new BusinessClock(start: options.ClockStart, rate: options.ClockRate);
        var estate = EstateCache.Get(options.Seed, options.Skus);
        var owned = options.DataDirectory is null ? Directory.CreateTempSubdirectory("synclab-").FullName : null;
        if (options.DataDirectory is not null)
        {
            Directory.CreateDirectory(options.DataDirectory);
        }
        var host = new StagingHost(options, clock, estate, owned);
        try
        {
            // A durable staging must find its state again after a restart, so its names are fixed;
            // in-memory ones get unique names so several stagings can share a process (tests).
            var store = options.MirrorStore;
            var instance = store.IsDurable ? "staging" : Guid.NewGuid().ToString("N");
            if (store.Kind == StoreKind.Sqlite)
            {
                store = store with { Directory = options.DataDirectory ?? owned };
            }
            MirrorHostOptions MirrorOptions(int offset) => new()
            {
                Url = Url(options, offset),
                AdminToken = options.AdminToken,
                Store = store,
                Instance = instance,
            };
            var erp = options.ErpRateLimit is { } limit ? new ErpMirrorSettings { RateLimit = limit } : null;
            await host.StartMirrorAsync("erp", ErpMirror.Build(MirrorOptions(1), clock, estate, erp, logs), ct);
            var storefront = options.VendorThrottling ? null : new StorefrontMirrorSettings { Throttle = QueryCostLimits.Off };
            await host.StartMirrorAsync("storefront", StorefrontMirror.Build(MirrorOptions(2), clock, estate, storefront, logs), ct);
            var pos = options.PosRateLimit is { } square ? new PosMirrorSettings { RateLimit = square } : null;
            await host.StartMirrorAsync("pos", PosMirror.Build(MirrorOptions(3), clock, estate, pos, logs: logs), ct);
            var warehouse = options.WarehouseRateLimit is { } wms ? new WarehouseMirrorSettings { RateLimit = wms } : null;
            await host.StartMirrorAsync("warehouse", WarehouseMirror.Build(MirrorOptions(4), clock, estate, warehouse, logs), ct);
            host.StartForeignServices();
            if (options.StartEngine)
            {
                await host.StartEngineAsync(logs, ct);
            }
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private void StartForeignServices()
    {
        if (!Options.ForeignServices.Enabled)
        {
            return;
        }
        Foreign = ForeignServices.Start(Options.ForeignServices, Options.BindAddress, offset => Url(Options, offset), Clock);
        foreach (var service in Foreign.Services.Values)
        {
            _addresses[service.Name] = service.Address;
        }
    }

    private async Task StartEngineAsync(ILoggerProvider? logs, CancellationToken ct)
    {
        var directory = Options.DataDirectory ?? _ownedDirectory!;
        Directory.CreateDirectory(directory);
        var engineOptions = new EngineOptions
        {
            ErpBaseUrl = Addresses["erp"],
            StorefrontBaseUrl = Addresses["storefront"],
            WarehouseBaseUrl = Addresses["warehouse"],
            PosBaseUrl = Addresses["pos"],
            PollInterval = Options.PollInterval,
            MerchantTimeZone = Estate.Options.TimeZone,
            Catalog = Options.Mapping ?? DefaultMapping,
            // The engine knows the limits the mirrors enforce, as a live engine is configured with its vendors' figures.
            Limits = new VendorLimits
            {
                Erp = Options.ErpRateLimit is { } erp ? new RequestLimit(erp.Requests, erp.Window) : null,
                Warehouse = Options.WarehouseRateLimit is { } wms ? new RequestLimit(wms.RequestsPerMinute, TimeSpan.FromMinutes(1)) : null,
                Pos = Options.PosRateLimit is { } square ? new RequestLimit(square.Permits, square.Window) : null,
            },
            Webhooks = new SyncLab.Engine.Webhooks.WebhookOptions { SubscribeListeningAddress = Options.EngineWebhooks },
            Store = Options.EnginePostgres is { } pg ? EngineStore.Postgres(pg) : EngineStore.Sqlite(Path.Combine(directory, "engine.db"), syncEveryCommit: false),
        };
        engineOptions = Options.ConfigureEngine?.Invoke(engineOptions) ?? engineOptions;
        var builder = EngineWebHost.CreateBuilder(engineOptions, Clock, Url(Options, 0), logs);
        builder.Services.AddEngineObservability(Environment.GetEnvironmentVariable(EngineObservability.EndpointVariable));
        // The admin guard (token, else loopback) reads the token from here, as on the mirrors.
        builder.Services.AddSingleton(new MirrorHostOptions { AdminToken = Options.AdminToken });
        var app = builder.Build();
        app.MapEngine();
        // Lets scenario drivers and QA tools find every part of a running staging from the engine's address.
        app.MapGet("/_synclab/topology", () => Microsoft.AspNetCore.Http.TypedResults.Ok(new StagingTopology(
            Options.Seed, Options.Skus, Options.PollInterval, _addresses.ToDictionary(a => a.Key, a => a.Value.ToString()))));
        // Staging only (never part of the engine's own API): back to a fresh estate without a restart, for QA
        // between runs against `synclab up`. Guarded like the mirrors' admin API.
        var admin = app.MapAdminGroup("staging");
        admin.MapPost("/reset", async (CancellationToken c) => Microsoft.AspNetCore.Http.TypedResults.Ok(await ResetAsync(c)));
        admin.MapPost("/engine/reset", async (CancellationToken c) =>
        {
            await Engine.ResetAsync(null, c);
            return Microsoft.AspNetCore.Http.TypedResults.Ok(new StagingReset(Clock.GetUtcNow(), ["engine"]));
        });
        // The engine down for maintenance and back (scheduled jobs missed meanwhile, catch-up): its pump stops and starts
        // again; its store is kept, and its API keeps answering.
        admin.MapPost("/engine/stop", async (CancellationToken c) =>
        {
            await Engine.StopAsync(c);
            return Microsoft.AspNetCore.Http.TypedResults.Ok(new StagingReset(Clock.GetUtcNow(), ["engine stopped"]));
        });
        admin.MapPost("/engine/start", async (CancellationToken c) =>
        {
            if (Engine.ExecuteTask is not { IsCompleted: false })
            {
                await Engine.StartAsync(c);
            }
            return Microsoft.AspNetCore.Http.TypedResults.Ok(new StagingReset(Clock.GetUtcNow(), ["engine started"]));
        });
        if (Foreign is not null)
        {
            app.MapForeignAdmin(Foreign);
        }
        await StartAsync("engine", app, ct);
        Engine = app.Services.GetRequiredService<SyncEngine>();
    }

    /// <summary>
    /// Back to exactly what <see cref="StartAsync(StagingOptions, ILoggerProvider?, CancellationToken)"/> left, without restarting anything: the engine's pump stopped,
    /// the clock at its start instant (rate and time zone too), every mirror re-seeded from the estate (each
    /// resets its own state, see <see cref="MirrorReset"/>), the engine's store emptied and its pump started
    /// again — so its first poll, a full sync, is due at once, as on a new staging.
    /// </summary>
    public async Task<StagingReset> ResetAsync(CancellationToken ct = default)
    {
        var parts = new List<string>();
        async Task ResetAllButEngineAsync(CancellationToken c)
        {
            Clock.SetRate(0);
            Clock.Set(Options.ClockStart ?? Clock.GetUtcNow());
            Clock.SetTimeZone(_startZone);
            foreach (var (name, mirror) in _mirrors)
            {
                await MirrorReset.ResetAsync(mirror.Services, c);
                parts.Add(name);
            }
            Foreign?.Tracking.Reset();
            Clock.SetRate(Options.ClockRate);
        }
        if (Options.StartEngine)
        {
            await Engine.ResetAsync(ResetAllButEngineAsync, ct);
            parts.Add("engine");
        }
        else
        {
            await ResetAllButEngineAsync(ct);
        }
        return new StagingReset(Clock.GetUtcNow(), parts);
    }

    private async Task StartMirrorAsync(string name, WebApplication app, CancellationToken ct)
    {
        _mirrors[name] = app;
        await StartAsync(name, app, ct);
    }

    private async Task StartAsync(string name, WebApplication app, CancellationToken ct)
    {
        _apps.Add(app);
        await app.StartAsync(ct);
        _addresses[name] = app.BoundAddress();
    }

    private static string Url(StagingOptions options, int offset) =>
        $"http://{options.BindAddress}:{(options.BasePort == 0 ? 0 : options.BasePort + offset)}";

    public async ValueTask DisposeAsync()
    {
        // The engine first: it must not call mirrors that are going away.
        for (var i = _apps.Count - 1; i >= 0; i--)
        {
            await _apps[i].StopAsync();
            await _apps[i].DisposeAsync();
        }
        Foreign?.Dispose();
        Clock.Dispose();
        if (_ownedDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_ownedDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left for the OS temp cleaner; it must not fail the shutdown.
            }
        }
    }
}
