using System.Buffers.Binary;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SyncLab.Engine.Distribution;

/// <summary>
/// The RabbitMQ side of a distributed engine. Work items stay in the database (the queue of record); the broker
/// carries their ids, hashed by key to one of the shard queues (quorum queues, single active consumer), and a
/// fan-out "nudge" that tells every node the store has changed (new work to dispatch, or quiescence to look at).
/// A message is acknowledged only after the item's outcome is committed, so a node killed mid-item leaves the message
/// to the broker, which redelivers it to the shard's next consumer.
/// </summary>
public sealed partial class WorkBroker(DistributionOptions options, ILogger<WorkBroker> log) : IAsyncDisposable
{
    private Channel<bool> _nudges = NewNudges();
    private readonly List<IChannel> _consumers = [];
    private IConnection? _connection;
    private IChannel? _publisher;
    private CancellationTokenSource? _stopping;
    private Task _nudging = Task.CompletedTask;
    private Task _standby = Task.CompletedTask;

    public DistributionOptions Options => options;

    /// <summary>
    /// Connects, declares the shard queues and the nudge exchange, and starts consuming: the preferred shards at once,
    /// the others as standby after <see cref="DistributionOptions.StandbyAfter"/>. <paramref name="work"/> gets each
    /// delivered item id (one at a time per shard, at most <paramref name="parallelism"/> at a time on this node);
    /// <paramref name="nudged"/> is called when any node says the store changed.
    /// </summary>
    public async Task StartAsync(Func<long, CancellationToken, Task> work, Action nudged, int parallelism, CancellationToken ct)
    {
        _stopping = new CancellationTokenSource();
        _nudges = NewNudges();
        var factory = new ConnectionFactory
        {
            Uri = options.RabbitMq,
            ClientProvidedName = $"synclab-engine-{options.Estate}-{options.Node}",
            AutomaticRecoveryEnabled = true,
        };
        _connection = await factory.CreateConnectionAsync(ct);
        _publisher = await _connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var arguments = new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-single-active-consumer"] = true,
        };
        for (var shard = 0; shard < options.Shards; shard++)
        {
            await _publisher.QueueDeclareAsync(options.QueueName(shard), durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: ct);
        }
        await _publisher.ExchangeDeclareAsync(options.NudgeExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);

        var nudgeChannel = await _connection.CreateChannelAsync(cancellationToken: ct);
        _consumers.Add(nudgeChannel);
        var mine = await nudgeChannel.QueueDeclareAsync(string.Empty, durable: false, exclusive: true, autoDelete: true, cancellationToken: ct);
        await nudgeChannel.QueueBindAsync(mine.QueueName, options.NudgeExchange, string.Empty, cancellationToken: ct);
        var nudgeConsumer = new AsyncEventingBasicConsumer(nudgeChannel);
        nudgeConsumer.ReceivedAsync += (_, _) =>
        {
            nudged();
            return Task.CompletedTask;
        };
        await nudgeChannel.BasicConsumeAsync(mine.QueueName, autoAck: true, nudgeConsumer, ct);
        _nudging = PublishNudgesAsync(_stopping.Token);

        var gate = new SemaphoreSlim(parallelism, parallelism);
        var preferred = Enumerable.Range(0, options.Shards).Where(options.Prefers).ToList();
        foreach (var shard in preferred)
        {
            await ConsumeAsync(shard, work, gate, ct);
        }
        var others = Enumerable.Range(0, options.Shards).Except(preferred).ToList();
        _standby = others.Count == 0 ? Task.CompletedTask : StandByAsync(others, work, gate, _stopping.Token);
    }

    /// <summary>Hands the items out to their shards; returns once the broker has confirmed every one (persisted).</summary>
    public async Task PublishAsync(IReadOnlyList<(long Id, string Key)> items, CancellationToken ct)
    {
        var publisher = _publisher ?? throw new InvalidOperationException("The broker is not started.");
        var properties = new BasicProperties { Persistent = true };
        var confirms = new List<Task>(items.Count);
        foreach (var (id, key) in items)
        {
            var body = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(body, id);
            confirms.Add(publisher.BasicPublishAsync(string.Empty, options.QueueName(options.ShardOf(key)), mandatory: true, properties, body, ct).AsTask());
        }
        await Task.WhenAll(confirms);
    }

    /// <summary>Tells every node (this one too) the store changed; nudges asked for while one is on its way go as one.</summary>
    public void NudgeAll() => _nudges.Writer.TryWrite(true);

    private async Task PublishNudgesAsync(CancellationToken ct)
    {
        try
        {
            while (await _nudges.Reader.WaitToReadAsync(ct))
            {
                _nudges.Reader.TryRead(out _);
                try
                {
                    await _publisher!.BasicPublishAsync(options.NudgeExchange, string.Empty, ReadOnlyMemory<byte>.Empty, ct);
                }
                catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
                {
                    // A lost nudge only delays: every node looks again at its next poll.
                    LogNudgeFailed(e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Registers as standby on the shards other nodes prefer, each once its preferred node has registered there (the
    /// broker makes the first registered consumer the active one), or after <see cref="DistributionOptions.StandbyAfter"/>
    /// when that node is not there: then this node works the shard until it comes.
    /// </summary>
    private async Task StandByAsync(List<int> shards, Func<long, CancellationToken, Task> work, SemaphoreSlim gate, CancellationToken ct)
    {
        try
        {
            var deadline = TimeProvider.System.GetUtcNow() + options.StandbyAfter;
            var waiting = new List<int>(shards);
            while (waiting.Count > 0)
            {
                var late = TimeProvider.System.GetUtcNow() >= deadline;
                foreach (var shard in waiting.ToList())
                {
                    if (late || await _publisher!.ConsumerCountAsync(options.QueueName(shard), ct) > 0)
                    {
                        await ConsumeAsync(shard, work, gate, ct);
                        waiting.Remove(shard);
                    }
                }
                if (waiting.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task ConsumeAsync(int shard, Func<long, CancellationToken, Task> work, SemaphoreSlim gate, CancellationToken ct)
    {
        // One channel per shard: its deliveries are handled one after the other (the channel's dispatch is sequential),
        // so a key's changes are worked in the order they were handed out.
        var channel = await _connection!.CreateChannelAsync(cancellationToken: ct);
        lock (_consumers)
        {
            _consumers.Add(channel);
        }
        await channel.BasicQosAsync(0, options.Prefetch, global: false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var id = BinaryPrimitives.ReadInt64LittleEndian(delivery.Body.Span);
            var stopping = _stopping!.Token;
            await gate.WaitAsync(stopping);
            try
            {
                await work(id, stopping);
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The item stays pending in the store, which is the queue of record: it is handed out again after
                // Redispatch. The message is dropped, so it does not hold up the shard.
                LogWorkFailed(id, e);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false, stopping);
                return;
            }
            finally
            {
                gate.Release();
            }
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, stopping);
        };
        var arguments = new Dictionary<string, object?> { ["x-priority"] = options.Prefers(shard) ? 10 : 0 };
        await channel.BasicConsumeAsync(options.QueueName(shard), autoAck: false, $"{options.Node}-{shard}", noLocal: false, exclusive: false, arguments, consumer, ct);
    }

    /// <summary>Stops consuming (unacknowledged deliveries go back to the broker) and disconnects.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }
        await _stopping.CancelAsync();
        _nudges.Writer.TryComplete();
        await _standby;
        await _nudging;
        List<IChannel> channels;
        lock (_consumers)
        {
            channels = [.. _consumers];
            _consumers.Clear();
        }
        foreach (var channel in channels)
        {
            await channel.DisposeAsync();
        }
        if (_publisher is not null)
        {
            await _publisher.DisposeAsync();
            _publisher = null;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
        _stopping.Dispose();
        _stopping = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static Channel<bool> NewNudges() =>
        Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work item {Id} failed on this node and stays pending: it is handed out again")]
    private partial void LogWorkFailed(long id, Exception e);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Nudge not sent: {Reason}")]
    private partial void LogNudgeFailed(string reason);
}
