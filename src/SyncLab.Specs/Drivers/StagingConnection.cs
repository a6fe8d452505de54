using System.Net.Http.Json;
using SyncLab.Estate;
using SyncLab.Staging;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// The staging one scenario runs against: an in-process staging of its own for the scenario's duration (rented
/// from <see cref="StagingPool"/>, reset to a fresh estate, clock and engine, so scenarios run in parallel
/// without touching each other), or a running staging named by <c>SYNCLAB_TARGET</c> (its engine's URL),
/// found through its topology endpoint.
/// </summary>
public sealed class StagingConnection : IAsyncDisposable
{
    public const string TargetVariable = "SYNCLAB_TARGET";

    /// <summary>
    /// <c>1</c>: the staging named by <see cref="TargetVariable"/> is QA's own, reset to a fresh estate before each
    /// scenario (<c>POST /_synclab/staging/reset</c>), so scenarios that move the clock years ahead run one after another.
    /// </summary>
    public const string TargetResetVariable = "SYNCLAB_TARGET_RESET";

    /// <summary>Every in-process scenario starts at the same business instant, so dates in scenarios mean the same thing.</summary>
    public static readonly DateTimeOffset ScenarioEpoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private StagingHost? _host;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public IReadOnlyDictionary<string, Uri> Addresses { get; private set; } = new Dictionary<string, Uri>();

    public BusinessEstate Estate { get; private set; } = null!;

    public TimeSpan PollInterval { get; private set; }

    public bool IsConnected => Addresses.Count > 0;

    /// <summary>
    /// True against a running staging that other scenarios (and people) share: scenarios then keep apart by
    /// data — their own shoppers, items spread over the estate — since the estate is not fresh.
    /// </summary>
    public bool IsShared { get; private set; }

    /// <summary>Unique to this scenario run: makes shared-staging data (e-mails) its own.</summary>
    public string RunToken { get; } = Guid.NewGuid().ToString("N")[..8];

    public Uri Erp => Addresses["erp"];

    public Uri Storefront => Addresses["storefront"];

    public Uri Engine => Addresses["engine"];

    public async Task ConnectAsync(int seed, int skus)
    {
        if (Environment.GetEnvironmentVariable(TargetVariable) is { Length: > 0 } target)
        {
            var topology = await Http.GetFromJsonAsync<StagingTopology>(new Uri(new Uri(target), "/_synclab/topology"))
                ?? throw new InvalidOperationException($"{target} did not describe its topology");
            if (topology.Seed != seed)
            {
                throw new InvalidOperationException($"the scenario wants an estate seeded with {seed}, but the staging at {target} was seeded with {topology.Seed}");
            }
            Addresses = topology.Addresses.ToDictionary(a => a.Key, a => new Uri(a.Value));
            Estate = EstateCache.Get(topology.Seed, topology.Skus);
            PollInterval = topology.PollInterval;
            IsShared = Environment.GetEnvironmentVariable(TargetResetVariable) != "1";
            if (!IsShared)
            {
                await Http.SendOkAsync(HttpMethod.Post, new Uri(new Uri(target), "/_synclab/staging/reset"));
            }
            return;
        }
        _host = await StagingPool.RentAsync(seed, skus, ScenarioEpoch);
        Addresses = _host.Addresses;
        Estate = _host.Estate;
        PollInterval = _host.Options.PollInterval;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await StagingPool.ReturnAsync(_host);
            _host = null;
        }
    }
}
