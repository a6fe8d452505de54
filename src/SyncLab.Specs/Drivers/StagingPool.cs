using System.Collections.Concurrent;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// Started in-process stagings, shared by the scenarios of one test process: "share hosts, isolate scenarios
/// by data, not by restarting processes". A scenario rents an idle staging of its seed and size (starting one
/// only when none is idle, so there are as many as scenarios run at once), and a rented staging that ran an
/// earlier scenario is reset first (<see cref="StagingHost.ResetAsync"/>): every scenario starts from exactly
/// the same fresh estate, clock and engine. <c>SYNCLAB_FRESH_STAGING=1</c> starts a new staging per scenario instead.
/// </summary>
public static class StagingPool
{
    public const string FreshVariable = "SYNCLAB_FRESH_STAGING";

    private static readonly ConcurrentDictionary<(int Seed, int Skus), ConcurrentBag<StagingHost>> Idle = new();
    private static readonly ConcurrentBag<StagingHost> Started = [];

    static StagingPool() => AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();

    /// <summary>Stops every idle staging (the test run is over; a scenario still running keeps its own).</summary>
    public static async Task StopIdleAsync()
    {
        foreach (var idle in Idle.Values)
        {
            while (idle.TryTake(out var host))
            {
                await host.DisposeAsync();
            }
        }
    }

    private static bool Fresh => Environment.GetEnvironmentVariable(FreshVariable) == "1";

    /// <summary>A staging at its start state, for one scenario; give it back with <see cref="ReturnAsync"/>.</summary>
    public static async Task<StagingHost> RentAsync(int seed, int skus, DateTimeOffset epoch)
    {
        if (!Fresh && Idle.TryGetValue((seed, skus), out var idle) && idle.TryTake(out var host))
        {
            try
            {
                await host.ResetAsync();
                return host;
            }
            catch
            {
                // A staging that cannot be reset is not trusted again.
                await host.DisposeAsync();
                throw;
            }
        }
        host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = seed,
            Skus = skus,
            BasePort = 0,
            ClockStart = epoch,
            ClockRate = 0,
            // No step talks to the foreign stubs yet; each WireMock server costs start-up time per staging.
            ForeignServices = new ForeignServicesOptions { Enabled = false },
        });
        if (!Fresh)
        {
            Started.Add(host);
        }
        return host;
    }

    public static async Task ReturnAsync(StagingHost host)
    {
        if (Fresh)
        {
            await host.DisposeAsync();
            return;
        }
        Idle.GetOrAdd((host.Options.Seed, host.Options.Skus), _ => []).Add(host);
    }

    /// <summary>
    /// At process exit: stops each staging, waiting a little only (the test host may not wait for a graceful
    /// Kestrel shutdown), and removes its scratch folder in any case.
    /// </summary>
    private static void StopAll()
    {
        foreach (var host in Started.Where(h => h.ScratchDirectory is { } s && Directory.Exists(s)))
        {
            try
            {
                host.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
                // Going away anyway: what matters is the folder below.
            }
            if (host.ScratchDirectory is { } scratch && Directory.Exists(scratch))
            {
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // Left for the OS temp cleaner.
                }
            }
        }
    }
}
