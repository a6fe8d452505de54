using SyncLab.MirrorKit.Storage;
using SyncLab.Staging.Foreign;

namespace SyncLab.Staging;

/// <summary>One staging: four mirrors, the engine and a seeded estate, in one process.</summary>
public sealed record StagingOptions
{
    public int Seed { get; init; } = 42;

    public int Skus { get; init; } = 50;

    /// <summary>Address every listener binds; loopback unless a container asks for 0.0.0.0.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>
    /// Engine on this port, then ERP, storefront, POS, warehouse on the next four, and the foreign services
    /// (tax, carrier, address) on +5..+7; 0 picks free ports.
    /// </summary>
    public int BasePort { get; init; } = 5100;

    /// <summary>Where the mirrors keep state; the engine keeps its own (SQLite in <see cref="DataDirectory"/>, or PostgreSQL).</summary>
    public StoreOptions MirrorStore { get; init; } = StoreOptions.InMemory;

    /// <summary>PostgreSQL connection string for the engine; null keeps the engine on a SQLite file.</summary>
    public string? EnginePostgres { get; init; }

    /// <summary>Folder for the engine's SQLite file; null makes a throw-away folder removed on dispose.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Business instant to start at; null starts at real time now.</summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>Business seconds per real second: 1 real time, 0 frozen (tests advance it).</summary>
    public double ClockRate { get; init; } = 1;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public string? AdminToken { get; init; }

    /// <summary>
    /// False starts the mirrors without the engine (<see cref="StagingHost.Engine"/> stays unset): for load runs
    /// of the mirrors alone, because the engine's first poll is a full sync that would load them while measured.
    /// </summary>
    public bool StartEngine { get; init; } = true;

    /// <summary>
    /// False turns the storefront's query-cost throttle off (costs are still reported), for load runs. The other
    /// mirrors' rate limits are off by default already; true keeps every mirror's vendor default.
    /// </summary>
    public bool VendorThrottling { get; init; } = true;

    /// <summary>The ERP mirror's request limit (e.g. <see cref="SyncLab.Mirrors.Erp.ErpRateLimit.BusinessCentralOnline"/>); null, the default, is unthrottled.</summary>
    public SyncLab.Mirrors.Erp.ErpRateLimit? ErpRateLimit { get; init; }

    /// <summary>The warehouse mirror's request limit (e.g. <see cref="SyncLab.Mirrors.Warehouse.ShipStationRateLimit.Production"/>); null, the default, is unthrottled.</summary>
    public SyncLab.Mirrors.Warehouse.ShipStationRateLimit? WarehouseRateLimit { get; init; }

    /// <summary>The POS mirror's request budget (Square publishes none: any value is a choice); null, the default, is unthrottled.</summary>
    public SyncLab.Mirrors.Pos.SquareRateLimit? PosRateLimit { get; init; }

    /// <summary>
    /// True (<c>synclab up --webhooks</c>): the engine subscribes to the ERP's, the POS's and the warehouse's webhooks at the
    /// address it listens on when it starts, and keeps them alive. False (the default): it polls only, unless asked to
    /// subscribe (<c>PUT /engine/webhooks/{vendor}/subscriptions</c>).
    /// </summary>
    public bool EngineWebhooks { get; init; }

    /// <summary>
    /// Changes to the engine's options after the staging has filled them in (benchmarks: parallelism, pacing); null keeps them.
    /// The staging paces the engine to the ERP's and the warehouse's mirror limits (<see cref="SyncLab.Engine.EngineOptions.Limits"/>).
    /// </summary>
    public Func<SyncLab.Engine.EngineOptions, SyncLab.Engine.EngineOptions>? ConfigureEngine { get; init; }

    /// <summary>
    /// The engine's mapping (<c>synclab up --mapping</c>, loaded with <see cref="SyncLab.Engine.Mapping.MappingFile.Load"/>); null runs the
    /// seeded estate's own, <c>fixtures/mappings/default-estate.yaml</c> (<see cref="StagingHost.DefaultMapping"/>).
    /// </summary>
    public SyncLab.Engine.Products.CatalogRules? Mapping { get; init; }

    /// <summary>The WireMock.Net stubs for services SyncLab does not mirror (tax, carrier, address); on by default.</summary>
    public ForeignServicesOptions ForeignServices { get; init; } = new();
}
