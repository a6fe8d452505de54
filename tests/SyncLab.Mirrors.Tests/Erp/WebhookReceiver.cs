using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>A subscriber on loopback: answers the validation handshake and records notification bodies.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonElement> _notifications = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Status answered to notifications (the handshake always succeeds unless <see cref="EchoToken"/> is false).</summary>
    public int NotificationStatus { get; set; } = 200;

    public bool EchoToken { get; set; } = true;

    public int Validations { get; private set; }

    public string Url => new Uri(_app.BoundAddress(), "/hook").ToString();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext http) =>
        {
            if (http.Request.Query.TryGetValue("validationToken", out var token))
            {
                receiver.Validations++;
                return receiver.EchoToken ? Results.Text(token.ToString()) : Results.Text("nope");
            }
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            receiver._notifications.Enqueue(body.RootElement.Clone());
            receiver._arrived.Release();
            return Results.StatusCode(receiver.NotificationStatus);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>The next notification body, waiting for it (up to <paramref name="timeout"/>, default 10 s, real time).</summary>
    public async Task<JsonElement> NextAsync(TimeSpan? timeout = null)
    {
        if (!await _arrived.WaitAsync(timeout ?? TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("No notification arrived in time.");
        }
        _notifications.TryDequeue(out var body);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
