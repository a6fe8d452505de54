using Microsoft.AspNetCore.Builder;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Warehouse;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>One ShipStation mirror on loopback per test class, on a frozen business clock, over a 30-SKU estate.</summary>
public class WarehouseMirrorFixture : IAsyncLifetime
{
    public const string ApiKey = "shipstation-test-key";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly WarehouseMirrorSettings _settings;

    public WarehouseMirrorFixture()
        : this(new EstateOptions { Seed = 7, Skus = 30 }, new WarehouseMirrorSettings { ApiKey = ApiKey })
    {
    }

    protected WarehouseMirrorFixture(EstateOptions estate, WarehouseMirrorSettings settings)
    {
        _settings = settings;
        Estate = EstateGenerator.Generate(estate);
    }

    public BusinessClock Clock { get; } = new(start: Start, rate: 0);

    public BusinessEstate Estate { get; }

    public WebApplication App { get; private set; } = null!;

    /// <summary>A ShipStation API client with the <c>api-key</c> header set.</summary>
    public HttpClient ShipStation { get; private set; } = null!;

    /// <summary>A plain client for <c>/_synclab</c> and for unauthenticated calls.</summary>
    public HttpClient Plain { get; private set; } = null!;

    /// <summary>Where the mirror keeps its state (InMemory unless a fixture says otherwise).</summary>
    protected virtual MirrorHostOptions Host => new();

    public async Task InitializeAsync()
    {
        App = WarehouseMirror.Build(Host, Clock, Estate, _settings);
        await App.StartAsync();
        var address = App.BoundAddress();
        ShipStation = new HttpClient { BaseAddress = address };
        ShipStation.DefaultRequestHeaders.Add("api-key", ApiKey);
        Plain = new HttpClient { BaseAddress = address };
    }

    public virtual async Task DisposeAsync()
    {
        ShipStation.Dispose();
        Plain.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Clock.Dispose();
    }

    /// <summary>Back to the seeded estate view; tests that change state call this first.</summary>
    public async Task ResetAsync()
    {
        using var response = await Plain.PostAsync("/_synclab/warehouse/reset", null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The estate's stock of <paramref name="sku"/> at <paramref name="warehouseCode"/>, as ShipStation holds it (never below 0).</summary>
    public int SeededOnHand(string sku, string warehouseCode = "WH01") =>
        Math.Max(0, Estate.Stock.Single(s => s.Sku == sku && s.LocationCode == warehouseCode).Quantity);
}

/// <summary>Two warehouses, so grouping and filtering have something to tell apart.</summary>
public sealed class TwoWarehouseMirrorFixture : WarehouseMirrorFixture
{
    public TwoWarehouseMirrorFixture()
        : base(new EstateOptions { Seed = 7, Skus = 30, Warehouses = 2 }, new WarehouseMirrorSettings { ApiKey = ApiKey })
    {
    }
}

/// <summary>ShipStation's sandbox budget (20 requests a minute).</summary>
public sealed class SandboxWarehouseMirrorFixture : WarehouseMirrorFixture
{
    public SandboxWarehouseMirrorFixture()
        : base(new EstateOptions { Seed = 7, Skus = 5 }, new WarehouseMirrorSettings { ApiKey = ApiKey, RateLimit = ShipStationRateLimit.Sandbox })
    {
    }
}

/// <summary>The mirror on a SQLite file (a staging that survives restarts), in a folder of its own removed afterwards.</summary>
public sealed class SqliteWarehouseMirrorFixture : WarehouseMirrorFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("synclab-warehouse-").FullName;

    protected override MirrorHostOptions Host => new() { Store = new StoreOptions(StoreKind.Sqlite, Directory: _folder) };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
