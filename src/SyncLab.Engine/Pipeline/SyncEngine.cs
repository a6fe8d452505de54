using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Storage;
using SyncLab.Engine.Telemetry;

namespace SyncLab.Engine.Pipeline;

/// <summary>
/// The engine's pump: captures changes when a poll is due, then works the durable queue — one key at a
/// time in order, different keys in parallel — until nothing is due; then it waits on the business
/// clock for the next due instant or for a nudge. Quiescence is "nothing queued, in flight or due now".
/// </summary>
public sealed partial class SyncEngine(
    EngineOptions options,
    IDbContextFactory<EngineDb> dbs,
    IEnumerable<IChangeSource> sources,
    IEnumerable<IProcess> processes,
    IEnumerable<IEngineCache> caches,
    StorefrontCatalog catalog,
    TimeProvider clock,
    EngineTelemetry telemetry,
    ILogger<SyncEngine> log,
    Distribution.WorkBroker? broker = null,
    Distribution.Leadership? leadership = null) : BackgroundService
{
    private readonly Dictionary<string, IProcess> _processes = processes.ToDictionary(p => p.Name);
    private readonly List<IChangeSource> _sources = sources.ToList();
    private readonly SemaphoreSlim _wake = new(0, int.MaxValue);
    private readonly Lock _gate = new();
    private const int JitterSeed = 20_261_126;
    // Jitter only spreads retries; a fixed seed keeps runs repeatable.
    private Random _jitter = new(JitterSeed);
    private TaskCompletionSource _idle = NewSignal();
    private long _nextPollTicks;
    private long _pollRequests;
    private volatile bool _busy = true;
    private volatile bool _nudged;

    public DateTimeOffset NextPollAt => new(Interlocked.Read(ref _nextPollTicks), TimeSpan.Zero);

    public DateTimeOffset? LastPollAt { get; private set; }

    /// <summary>
    /// Single node: always true. Distributed: whether this node holds the lock that makes it poll and hand out work;
    /// every node works what the broker hands it.
    /// </summary>
    public bool Leads => leadership?.IsLeader ?? true;

    /// <summary>This engine's traces and metrics (its instance id tells it from other engines in the process).</summary>
    public EngineTelemetry Telemetry => telemetry;

    /// <summary>Polls now instead of at the next scheduled instant ("sync now", or a webhook said something changed).</summary>
    public void SyncNow()
    {
        Interlocked.Increment(ref _pollRequests);
        Interlocked.Exchange(ref _nextPollTicks, clock.GetUtcNow().UtcTicks);
        Nudge();
    }

    /// <summary>Makes the pump look again (the clock moved, work was added).</summary>
    public void Nudge()
    {
        _nudged = true;
        _wake.Release();
    }

    public async Task<bool> IsQuiescentAsync(CancellationToken ct)
    {
        if (_busy || _nudged)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcTicks;
        if (Interlocked.Read(ref _nextPollTicks) <= now)
        {
            return false;
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        return !await db.WorkItems.AnyAsync(w => w.State == WorkState.Pending && w.DueAtTicks <= now, ct);
    }

    /// <summary>Waits until the engine is quiescent; gives up after <paramref name="timeout"/> of real time.</summary>
    public async Task<bool> WaitForQuiescenceAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                Task idle;
                lock (_gate)
                {
                    idle = _idle.Task;
                }
                if (await IsQuiescentAsync(deadline.Token))
                {
                    return true;
                }
                // The business clock may have moved past a due instant: make the pump notice.
                Nudge();
                await idle.WaitAsync(deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Back to a new engine without a restart (staging and QA only): stops the pump, runs
    /// <paramref name="whileStopped"/> (e.g. the mirrors' reset, the clock set back), empties the store and
    /// every <see cref="IEngineCache"/>, and starts the pump again, whose first poll — a full sync — is due at once.
    /// </summary>
    public async Task ResetAsync(Func<CancellationToken, Task>? whileStopped, CancellationToken ct)
    {
        await StopAsync(ct);
        if (whileStopped is not null)
        {
            await whileStopped(ct);
        }
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            await EngineReset.ClearStoreAsync(db, ct);
        }
        foreach (var cache in caches)
        {
            cache.Forget();
        }
        while (_wake.CurrentCount > 0)
        {
            await _wake.WaitAsync(ct);
        }
        lock (_gate)
        {
            _jitter = new Random(JitterSeed);
        }
        LastPollAt = null;
        _nudged = false;
        _busy = true;
        await StartAsync(ct);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            // SQLite connections come set up by Storage/SqliteStoreTuning (write-ahead log, busy timeout).
            await EngineSchema.MigrateAsync(db, cancellationToken);
            foreach (var state in caches.OfType<IStoredState>())
            {
                await state.LoadAsync(db, cancellationToken);
            }
        }
        Interlocked.Exchange(ref _nextPollTicks, clock.GetUtcNow().UtcTicks);
        if (broker is not null)
        {
            await broker.StartAsync(ApplyDispatchedAsync, Nudge, options.Parallelism, cancellationToken);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (broker is not null)
        {
            await broker.StopAsync();
        }
        if (leadership is not null)
        {
            await leadership.ReleaseAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _busy = true;
            _nudged = false;
            try
            {
                var worked = await PassAsync(stoppingToken);
                if (worked)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(e);
            }
            await IdleUntilDueAsync(stoppingToken);
        }
    }

    /// <summary>One pass: poll if due, then one round of due work. True when anything happened.</summary>
    private async Task<bool> PassAsync(CancellationToken ct)
    {
        var worked = false;
        var now = clock.GetUtcNow();
        if (leadership is not null)
        {
            var (leads, tookOver) = await leadership.LeadAsync(ct);
            if (!leads)
            {
                // Another node polls and hands out work; this one works what the broker hands it, and asks again at
                // the next poll instant (or when nudged) whether the lock is free.
                Interlocked.Exchange(ref _nextPollTicks, (now + options.PollInterval).UtcTicks);
                return false;
            }
            if (tookOver)
            {
                await HandOutAgainAsync(ct);
            }
        }
        if (Interlocked.Read(ref _nextPollTicks) <= now.UtcTicks)
        {
            var requests = Interlocked.Read(ref _pollRequests);
            foreach (var source in _sources)
            {
                using var activity = telemetry.StartPoll(source.Name);
                try
                {
                    var captured = await source.PollAsync(ct);
                    activity?.SetTag("synclab.captured", captured);
                    worked |= captured > 0;
                }
                catch (VendorCallException e)
                {
                    // One source down must not stop the others; its cursor stays, so nothing is lost.
                    activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "vendor call failed");
                    LogPollFailed(source.Name, e.Message);
                }
            }
            LastPollAt = now;
            Interlocked.Exchange(ref _nextPollTicks, (clock.GetUtcNow() + options.PollInterval).UtcTicks);
            if (Interlocked.Read(ref _pollRequests) != requests)
            {
                // A webhook (or "sync now") asked for a poll while this one ran, perhaps after its source was read: poll again.
                Interlocked.Exchange(ref _nextPollTicks, clock.GetUtcNow().UtcTicks);
            }
        }
        worked |= broker is null ? await WorkRoundAsync(ct) : await DispatchRoundAsync(broker, ct);
        return worked;
    }

    /// <summary>
    /// Distributed: hands the due work out to the shard queues instead of working it here. An item is marked
    /// dispatched before it is published, so a consumer's retry (which clears the mark) can never be overwritten; if
    /// this node dies between the two, the next leader hands every pending item out again (<see cref="HandOutAgainAsync"/>).
    /// </summary>
    private async Task<bool> DispatchRoundAsync(Distribution.WorkBroker to, CancellationToken ct)
    {
        List<(long Id, string Key)> due;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow().UtcTicks;
            var lost = now - to.Options.Redispatch.Ticks;
            var rows = await db.WorkItems.AsNoTracking()
                .Where(w => w.State == WorkState.Pending && w.DueAtTicks <= now && (w.DispatchedAtTicks == 0 || w.DispatchedAtTicks < lost))
                .OrderBy(w => w.Id).Take(1000).Select(w => new { w.Id, w.Key }).ToListAsync(ct);
            due = rows.Select(r => (r.Id, r.Key)).ToList();
            if (due.Count == 0)
            {
                return false;
            }
            var ids = due.Select(d => d.Id).ToList();
            await db.WorkItems.Where(w => ids.Contains(w.Id)).ExecuteUpdateAsync(s => s.SetProperty(w => w.DispatchedAtTicks, now), ct);
        }
        await to.PublishAsync(due, ct);
        return true;
    }

    /// <summary>A new leader hands out again whatever is pending: a message the old one marked but never published is not lost.</summary>
    private async Task HandOutAgainAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.WorkItems.Where(w => w.State == WorkState.Pending && w.DispatchedAtTicks != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.DispatchedAtTicks, 0L), ct);
    }

    /// <summary>
    /// Distributed: works one item the broker handed this node (its shard's deliveries come one at a time, in order).
    /// An item no longer pending (done by a node that died before acknowledging, or handed out twice) is skipped.
    /// </summary>
    private async Task ApplyDispatchedAsync(long id, CancellationToken ct)
    {
        WorkItem? item;
        RoundFacts facts;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            item = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
            if (item is not { State: WorkState.Pending })
            {
                return;
            }
            facts = await RoundFacts.ReadAsync(db, [item], [], ct);
        }
        await ApplyAsync(item, facts, ct);
        // Follow-ups to hand out, and every node's quiescence to look at again.
        broker!.NudgeAll();
    }

    private async Task<bool> WorkRoundAsync(CancellationToken ct)
    {
        List<WorkItem> heads;
        RoundFacts facts;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            var now = clock.GetUtcNow().UtcTicks;
            var due = await db.WorkItems.AsNoTracking().Where(w => w.State == WorkState.Pending && w.DueAtTicks <= now)
                .OrderBy(w => w.Id).Take(1000).ToListAsync(ct);
            // Per key, only the newest captured version matters (full state); older ones are stale.
            var groups = due.GroupBy(w => (w.Process, w.Key)).ToList();
            heads = groups.Select(g => g.OrderBy(w => w.Version, StringComparer.Ordinal).Last()).ToList();
            facts = await RoundFacts.ReadAsync(db, heads, groups.Where(g => g.Count() > 1).Select(g => g.Key), ct);
        }
        if (heads.Count == 0)
        {
            return false;
        }
        var skus = heads.Where(h => _processes[h.Process].ReadsStorefrontVariants).Select(h => h.Key).Distinct(StringComparer.Ordinal).ToList();
        if (skus.Count > 0)
        {
            await catalog.ReadAheadAsync(skus, ct);
        }
        try
        {
            await Parallel.ForEachAsync(heads, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = ct }, (head, c) => ApplyAsync(head, facts, c));
        }
        finally
        {
            catalog.EndRound();
        }
        return true;
    }

    private async ValueTask ApplyAsync(WorkItem head, RoundFacts facts, CancellationToken ct)
    {
        ProcessOutcome? outcome = null;
        Exception? failure = null;
        var process = _processes[head.Process];
        using var activity = telemetry.StartApply(head.Process, head.Key, head.Version, head.Attempts + 1);
        string outcomeTag;
        TimeSpan? lag = null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var applied = facts.Applied.GetValueOrDefault((head.Process, head.Key));
        if (applied is not null)
        {
            db.AppliedVersions.Attach(applied);
        }
        var isStale = applied is not null && string.CompareOrdinal(applied.Version, head.Version) >= 0;
        if (!isStale)
        {
            try
            {
                outcome = await process.ApplyAsync(head, ct);
            }
            catch (Exception e) when (e is DataErrorException or VendorCallException or HeldException)
            {
                failure = e;
            }
        }
        var now = clock.GetUtcNow().UtcTicks;
        // Read at the start of the round, and only this round's pass touches a pending item.
        var item = db.WorkItems.Attach(head).Entity;
        // Older versions of the same key due in this round are superseded by this one's full state. (One queued
        // for later is found stale by the applied version when it falls due.)
        if (facts.Superseding.Contains((head.Process, head.Key)))
        {
#pragma warning disable CA1309 // EF translates string.Compare to SQL '<'; versions are fixed-width digits, so ordinal and SQL order agree.
            await db.WorkItems.Where(w => w.Process == head.Process && w.Key == head.Key && w.State == WorkState.Pending && w.Id != head.Id && string.Compare(w.Version, head.Version) < 0)
#pragma warning restore CA1309
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, WorkState.Stale), ct);
        }
        switch (failure)
        {
            case null when isStale:
                item.State = WorkState.Stale;
                outcomeTag = EngineTelemetry.Outcomes.Stale;
                break;
            case null:
                item.State = WorkState.Done;
                outcomeTag = EngineTelemetry.Outcomes.Applied;
                lag = TimeSpan.FromTicks(now - LagStartTicks(item));
                if (applied is null)
                {
                    db.AppliedVersions.Add(new AppliedVersion { Process = head.Process, Key = head.Key, Version = head.Version });
                }
                else
                {
                    applied.Version = head.Version;
                }
                await RecordReferencesAsync(db, outcome!.References, ct);
                // Hand-offs to processes this engine does not run (e.g. no warehouse configured) are not queued.
                await WorkQueue.EnqueueAsync(db, outcome.FollowUps.Where(f => _processes.ContainsKey(f.Process)).ToList(), now, ct);
                // A later version that applies resolves what earlier versions of the record reported.
                if (facts.Reported.Contains((head.Process, head.Key)))
                {
                    await db.DataErrors.Where(e => e.Process == head.Process && e.Key == head.Key).ExecuteDeleteAsync(ct);
                }
                await EndHoldAsync(db, head, facts, ct);
                if (!string.IsNullOrEmpty(outcome.Summary))
                {
                    LogApplied(head.Process, outcome.Summary);
                }
                break;
            case VendorCallException { Transient: true } transient when item.Attempts + 1 < (process.MaxAttempts ?? options.MaxAttempts):
                item.Attempts++;
                item.LastError = transient.Message;
                item.DueAtTicks = now + Backoff(item.Attempts, transient.RetryAfter).Ticks;
                item.DispatchedAtTicks = 0;
                LogRetry(head.Process, head.Key, item.Attempts, transient.Message);
                outcomeTag = EngineTelemetry.Outcomes.Retry;
                break;
            case VendorCallException { Transient: true } exhausted:
                item.Attempts++;
                item.State = WorkState.DeadLettered;
                item.LastError = $"gave up after {item.Attempts} attempts: {exhausted.Message}";
                outcomeTag = EngineTelemetry.Outcomes.DeadLettered;
                break;
            case HeldException held:
                // Not a failure: attempts stay as they are, so a long closed period never dead-letters it.
                item.LastError = held.Message;
                item.DueAtTicks = now + options.HoldRecheck.Ticks;
                item.DispatchedAtTicks = 0;
                await HoldAsync(db, head, held.Message, now, ct);
                outcomeTag = EngineTelemetry.Outcomes.Held;
                break;
            default:
                await EndHoldAsync(db, head, facts, ct);
                item.State = WorkState.Failed;
                item.LastError = failure.Message;
                db.DataErrors.Add(new DataError { Process = head.Process, Key = head.Key, Version = head.Version, Message = failure.Message, AtTicks = now });
                LogDataError(head.Process, head.Key, failure.Message);
                outcomeTag = EngineTelemetry.Outcomes.DataError;
                break;
        }
        await db.SaveChangesAsync(ct);
        telemetry.Processed(activity, head.Process, outcomeTag, lag);
    }

    /// <summary>
    /// Where lag counts from: when the change was queued, or, for effective-dated work applied on its first
    /// attempt, when it fell due (a retry moves the due instant, so retried work counts from its capture).
    /// </summary>
    private static long LagStartTicks(WorkItem item) =>
        item.Attempts == 0 ? Math.Max(item.CapturedAtTicks, item.DueAtTicks) : item.CapturedAtTicks;

    private static async Task EndHoldAsync(EngineDb db, WorkItem head, RoundFacts facts, CancellationToken ct)
    {
        if (facts.Held.Contains((head.Process, head.Key)))
        {
            await db.HeldChanges.Where(h => h.Process == head.Process && h.Key == head.Key).ExecuteDeleteAsync(ct);
        }
    }

    private static async Task HoldAsync(EngineDb db, WorkItem head, string reason, long now, CancellationToken ct)
    {
        var row = await db.HeldChanges.FindAsync([head.Process, head.Key], ct);
        if (row is null)
        {
            db.HeldChanges.Add(new HeldChange { Process = head.Process, Key = head.Key, Version = head.Version, Reason = reason, SinceTicks = now, Checks = 1 });
            return;
        }
        row.Version = head.Version;
        row.Reason = reason;
        row.Checks++;
    }

    private static async Task RecordReferencesAsync(EngineDb db, IReadOnlyList<IdMapping> references, CancellationToken ct)
    {
        foreach (var reference in references)
        {
            var existing = await db.IdMappings.FindAsync([reference.System, reference.Kind, reference.Key], ct);
            if (existing is null)
            {
                db.IdMappings.Add(reference);
            }
            else
            {
                existing.TargetId = reference.TargetId;
                existing.Extra = reference.Extra;
            }
        }
    }

    /// <summary>Exponential backoff with jitter, never shorter than what the vendor asked for.</summary>
    private TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        double jitter;
        lock (_gate)
        {
            jitter = 0.8 + (_jitter.NextDouble() * 0.4);
        }
        var exponential = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, attempt)) * jitter);
        return retryAfter is { } asked && asked > exponential ? asked : exponential;
    }

    private async Task IdleUntilDueAsync(CancellationToken ct)
    {
        long? nextDue;
        await using (var db = await dbs.CreateDbContextAsync(ct))
        {
            // Distributed: only a leader hands work out, and only work not handed out yet wakes it.
            nextDue = !Leads ? null
                : broker is null ? await db.WorkItems.Where(w => w.State == WorkState.Pending).MinAsync(w => (long?)w.DueAtTicks, ct)
                : await db.WorkItems.Where(w => w.State == WorkState.Pending && w.DispatchedAtTicks == 0).MinAsync(w => (long?)w.DueAtTicks, ct);
        }
        var wakeAt = Math.Min(Interlocked.Read(ref _nextPollTicks), nextDue ?? long.MaxValue);
        var wait = new DateTimeOffset(Math.Max(wakeAt, clock.GetUtcNow().UtcTicks), TimeSpan.Zero) - clock.GetUtcNow();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var timer = Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, clock, stop.Token);
        _busy = false;
        TaskCompletionSource idle;
        lock (_gate)
        {
            idle = _idle;
            _idle = NewSignal();
        }
        idle.TrySetResult();
        await Task.WhenAny(timer, _wake.WaitAsync(stop.Token));
        await stop.CancelAsync();
        // Several nudges may have piled up; one pass answers them all.
        while (_wake.CurrentCount > 0)
        {
            await _wake.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Error, Message = "Engine pass failed")]
    private partial void LogPassFailed(Exception e);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Source} failed: {Reason}")]
    private partial void LogPollFailed(string source, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Process}: {Summary}")]
    private partial void LogApplied(string process, string summary);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Process} {Key}: attempt {Attempt} failed, will retry: {Reason}")]
    private partial void LogRetry(string process, string key, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Process} {Key}: data error: {Reason}")]
    private partial void LogDataError(string process, string key, string reason);
}
