namespace SyncLab.MirrorKit.Webhooks;

/// <summary>Wakes a mirror's <see cref="WebhookPump"/> when new deliveries were saved.</summary>
public sealed class WebhookSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0);

    public void Dispose() => _pending.Dispose();

    public void Notify() => _pending.Release();

    public Task WaitAsync(CancellationToken cancellationToken) => _pending.WaitAsync(cancellationToken);
}
