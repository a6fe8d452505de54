using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// The pipeline's own guarantee, whatever the source: a change seen again is not applied again, and a change that
/// arrives after a newer one of the same key (a late webhook, a slow poll) is dropped as stale — the key keeps the
/// newest state. Run on the real engine with its store in memory; the source and the process are the test's.
/// </summary>
public sealed class ReorderedChangesTests
{
    [Fact]
    public async Task an_older_version_arriving_late_is_dropped_and_a_repeated_one_is_applied_once()
    {
        var source = new ScriptedSource();
        var process = new RecordingProcess();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSyncEngine(new EngineOptions
        {
            ErpBaseUrl = new Uri("http://127.0.0.1:9/"),
            StorefrontBaseUrl = new Uri("http://127.0.0.1:9/"),
            Store = EngineStore.InMemory($"reorder-{Guid.NewGuid():N}"),
        });
        // Only the test's source: the real captures would call vendors that are not there.
        services.RemoveAll<IChangeSource>();
        services.AddSingleton<IChangeSource>(source);
        services.AddSingleton<IProcess>(process);
        await using var provider = services.BuildServiceProvider();
        source.Dbs = provider.GetRequiredService<IDbContextFactory<EngineDb>>();
        var engine = provider.GetRequiredService<SyncEngine>();
        await engine.StartAsync(CancellationToken.None);
        try
        {
            // Newest first: version 3 of A, and B.
            source.Next = [Change("A", 3, "blue"), Change("B", 1, "red")];
            await PollAsync(engine);
            // Then the older version 2 of A arrives late, and version 3 again (a redelivery).
            source.Next = [Change("A", 2, "green"), Change("A", 3, "blue")];
            await PollAsync(engine);
            // And A moves on to version 4.
            source.Next = [Change("A", 4, "black")];
            await PollAsync(engine);
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
        }

        Assert.Equal(["A@3:blue", "B@1:red", "A@4:black"], process.Applied);
        await using var db = await source.Dbs.CreateDbContextAsync();
        var late = await db.WorkItems.Where(w => w.Key == "A" && w.Version == Version(2)).Select(w => w.State).ToListAsync();
        Assert.All(late, state => Assert.Equal(WorkState.Stale, state));
    }

    private static async Task PollAsync(SyncEngine engine)
    {
        engine.SyncNow();
        Assert.True(await engine.WaitForQuiescenceAsync(TimeSpan.FromSeconds(30), CancellationToken.None), "the engine did not come to rest");
    }

    private static string Version(int n) => n.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static CapturedChange Change(string key, int version, string state) => new(RecordingProcess.ProcessName, key, Version(version), state);

    /// <summary>Hands the engine what the test set for the next poll, once.</summary>
    private sealed class ScriptedSource : IChangeSource
    {
        public IReadOnlyList<CapturedChange> Next { get; set; } = [];

        public IDbContextFactory<EngineDb>? Dbs { get; set; }

        public string Name => "test.scripted";

        public async Task<int> PollAsync(CancellationToken ct)
        {
            var changes = Next;
            Next = [];
            if (changes.Count == 0)
            {
                return 0;
            }
            await using var db = await Dbs!.CreateDbContextAsync(ct);
            var queued = await WorkQueue.EnqueueAsync(db, changes, 0, ct);
            await db.SaveChangesAsync(ct);
            return queued;
        }
    }

    private sealed class RecordingProcess : IProcess
    {
        public const string ProcessName = "test.recording";

        private readonly ConcurrentQueue<string> _applied = new();

        public string Name => ProcessName;

        public IReadOnlyList<string> Applied => [.. _applied];

        public Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
        {
            _applied.Enqueue($"{item.Key}@{int.Parse(item.Version, System.Globalization.CultureInfo.InvariantCulture)}:{item.Payload}");
            return Task.FromResult(ProcessOutcome.Changed($"{item.Key} -> {item.Payload}"));
        }
    }
}
