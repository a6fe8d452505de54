using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Webhooks;

/// <summary>
/// Collects changes and, <see cref="ErpMirrorSettings.NotificationDelay"/> of business time after the first
/// one, sends what <see cref="WebhookPlan"/> decides. Failed deliveries are retried on the vendor's terms:
/// 408, 429 and 5xx (or no answer) again later over about 36 hours; any other status deletes the subscription.
/// Every attempt passes the mirror's webhook chaos first (docs/faults.md): held, dropped or sent twice.
/// </summary>
internal sealed class ChangeNotifier(
    IServiceScopeFactory scopes, TimeProvider clock, ErpMirrorSettings settings, ErpCompany company, MirrorLedger ledger, WebhookClient client, WebhookChaos chaos,
    DeltaTracker tracker, ILogger<ChangeNotifier> log)
    : IDisposable
{
    /// <summary>Business time between attempts after a retryable failure (about 36 hours in all).</summary>
    internal static readonly TimeSpan[] RetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(8), TimeSpan.FromHours(25)];

    private readonly Lock _gate = new();
    private readonly List<Change> _pending = [];
    private readonly List<ITimer> _timers = [];
    private ITimer? _window;
    private int _subscriptions = -1;
    private long _flushes;

    /// <summary>Set when subscriptions are created or deleted; with none, changes are not even kept.</summary>
    public void SubscriptionsChanged(int count) => Volatile.Write(ref _subscriptions, count);

    public void Publish(Change change)
    {
        // Change tracking keeps deletions whether or not anyone subscribed (delta links, docs/mirrors/erp.md).
        if (change.ChangeType == "deleted")
        {
            tracker.Removed(change.EntitySet, change.Id);
        }
        if (Volatile.Read(ref _subscriptions) == 0)
        {
            return;
        }
        lock (_gate)
        {
            _pending.Add(change);
            _window ??= clock.CreateTimer(_ => _ = Task.Run(FlushAsync), null, settings.NotificationDelay, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _window?.Dispose();
            _timers.ForEach(t => t.Dispose());
        }
    }

    private async Task FlushAsync()
    {
        List<Change> changes;
        lock (_gate)
        {
            changes = [.. _pending];
            _pending.Clear();
            _window?.Dispose();
            _window = null;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ErpDb>();
            var now = clock.GetUtcNow();
            var subscriptions = await db.Subscriptions.AsNoTracking().ToListAsync();
            var live = subscriptions.Where(s => s.ExpirationDateTime > now)
                .Select(s => new SubscriptionView(s.SubscriptionId, s.NotificationUrl, s.ResourceKey, s.ClientState, s.ExpirationDateTime))
                .ToList();
            // A key per delivery, stable across its retries: what webhook chaos decides on.
            var flush = Interlocked.Increment(ref _flushes);
            var deliveries = WebhookPlan.Build(changes, live, company.Id, settings.CollectionThreshold);
            for (var i = 0; i < deliveries.Count; i++)
            {
                await DeliverAsync(deliveries[i], $"{flush}/{i}", 0);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "Webhook notifications could not be sent.");
        }
    }

    private async Task DeliverAsync(Delivery delivery, string key, int attempt)
    {
        var verdict = chaos.Decide(key, $"{delivery.Notifications.Count} notification(s) to {delivery.NotificationUrl}");
        if (verdict.HoldUntil is { } until)
        {
            // Held by webhook chaos: not an attempt; asked again once the hold is over.
            Schedule(until - clock.GetUtcNow(), () => DeliverAsync(delivery, key, attempt));
            return;
        }
        var status = await verdict.SendAsync(
            () => client.PostAsync(delivery.NotificationUrl, JsonContent.Create(new { value = delivery.Notifications })), dropped: (int?)200);
        ledger.RecordEffect(
            $"erp: webhook to {delivery.NotificationUrl}: {delivery.Notifications.Count} notification(s), attempt {attempt + 1} → {(status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no answer")}",
            "subscriptions");
        if (status is >= 200 and < 300)
        {
            return;
        }
        if ((status is null or 408 or 429 or >= 500) && attempt < RetrySchedule.Length)
        {
            Schedule(RetrySchedule[attempt], () => DeliverAsync(delivery, key, attempt + 1));
            return;
        }
        await DeleteSubscriptionsAsync(delivery.SubscriptionIds.ToList(), status);
    }

    /// <summary>Runs <paramref name="work"/> once <paramref name="due"/> of business time has passed.</summary>
    private void Schedule(TimeSpan due, Func<Task> work)
    {
        if (due <= TimeSpan.Zero)
        {
            _ = Task.Run(() => RunAsync(work));
            return;
        }
        lock (_gate)
        {
            ITimer? timer = null;
            timer = clock.CreateTimer(_ =>
            {
                lock (_gate)
                {
                    _timers.Remove(timer!);
                }
                timer!.Dispose();
                _ = Task.Run(() => RunAsync(work));
            }, null, due, Timeout.InfiniteTimeSpan);
            _timers.Add(timer);
        }
    }

    private async Task RunAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.LogError(e, "A webhook retry failed.");
        }
    }

    private async Task DeleteSubscriptionsAsync(List<string> ids, int? status)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ErpDb>();
        var doomed = await db.Subscriptions.Where(s => ids.Contains(s.SubscriptionId)).ToListAsync();
        db.Subscriptions.RemoveRange(doomed);
        await db.SaveChangesAsync();
        SubscriptionsChanged(await db.Subscriptions.CountAsync());
        foreach (var id in ids)
        {
            ledger.RecordEffect($"erp: subscription {id} deleted after delivery failed ({status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"})", "subscriptions");
        }
    }
}
