using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary>One webhook delivery as the receiver saw it.</summary>
public sealed record Delivery(string Url, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith);

/// <summary>A subscriber on loopback that records every delivery and answers with the statuses it is told to.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();
    private readonly Queue<int> _answers = new();
    private readonly Lock _gate = new();
    private WebApplication? _app;

    public string Url { get; private set; } = string.Empty;

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/hooks/square", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (receiver._gate)
            {
                status = receiver._answers.Count > 0 ? receiver._answers.Dequeue() : StatusCodes.Status200OK;
            }
            var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
            var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            await receiver._deliveries.Writer.WriteAsync(new Delivery(url, headers, body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver._app = app;
        receiver.Url = new Uri(app.BoundAddress(), "/hooks/square").ToString();
        return receiver;
    }

    /// <summary>The next deliveries will be answered with these statuses, in order; then 200.</summary>
    public void AnswerNext(params int[] statuses)
    {
        lock (_gate)
        {
            foreach (var status in statuses)
            {
                _answers.Enqueue(status);
            }
        }
    }

    /// <summary>Waits for the next delivery (a condition, not a duration; the timeout only stops a hung test).</summary>
    public async Task<Delivery> NextAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        return await _deliveries.Reader.ReadAsync(limit.Token);
    }

    public bool TryTake(out Delivery? delivery) => _deliveries.Reader.TryRead(out delivery);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
