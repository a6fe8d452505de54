using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Chaos;

namespace SyncLab.MirrorKit.Webhooks;

/// <summary>
/// The delivery loop a mirror's webhook sender shares with the others: send what is due, then sleep until
/// the next delivery falls due on the <b>business</b> clock (a frozen clock holds retries back; advancing
/// it releases them) or until new deliveries are signalled. Every attempt passes webhook chaos first
/// (<see cref="AttemptAsync"/>, docs/faults.md). A mirror keeps its own outbox rows (saved with the change
/// that caused them) and its vendor's wire format: headers, signature, retry schedule.
/// </summary>
public abstract class WebhookPump(TimeProvider clock, WebhookSignal signal, WebhookChaos chaos, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    /// <summary>Sends every delivery due now; returns when the next pending one falls due (null: none pending).</summary>
    protected abstract Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One attempt of the delivery <paramref name="key"/> (unique per delivery, stable across its retries):
    /// webhook chaos may hold it (nothing is sent), drop it (nothing is sent, it reads as a 200, as the vendor
    /// believes it delivered) or send it twice (the first answer counts).
    /// </summary>
    protected async Task<WebhookAttempt> AttemptAsync(string key, string describe, Func<Task<int?>> send)
    {
        var verdict = chaos.Decide(key, describe);
        if (verdict.HoldUntil is { } until)
        {
            return new WebhookAttempt(until, null, clock.GetUtcNow());
        }
        var attemptedAt = clock.GetUtcNow();
        var status = await verdict.SendAsync(send, dropped: (int?)StatusCodes.Status200OK);
        return new WebhookAttempt(null, status, attemptedAt);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? nextDue;
            try
            {
                nextDue = await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Typically the store was reset under us: the rows are gone, or are read again next round.
                logger.LogWarning(e, "Webhook delivery round failed; trying again on the next signal.");
                nextDue = null;
            }
            try
            {
                await WaitAsync(nextDue, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WaitAsync(DateTimeOffset? nextDue, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var waits = new List<Task> { signal.WaitAsync(wake.Token) };
        if (nextDue is { } due)
        {
            var wait = due - clock.GetUtcNow();
            waits.Add(Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, wake.Token));
        }
        try
        {
            await Task.WhenAny(waits);
        }
        finally
        {
            await wake.CancelAsync();
        }
        stoppingToken.ThrowIfCancellationRequested();
    }
}
