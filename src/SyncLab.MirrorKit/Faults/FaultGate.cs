using System.Globalization;
using Microsoft.AspNetCore.Http;
using SyncLab.MirrorKit.Admin;
using SyncLab.MirrorKit.Ledger;

namespace SyncLab.MirrorKit.Faults;

/// <summary>
/// The middleware that applies a <see cref="FaultBook"/>'s decisions to real calls: waits (real time),
/// hangs, or answers in the vendor's error shape, and writes each applied fault to the ledger as kind
/// "fault". Admin routes and <c>/health</c> pass untouched, so a test can always undo what it set.
/// </summary>
public sealed class FaultGate(FaultBook book, IVendorErrorShape shape, MirrorLedger ledger, RealTime realTime, CancellationToken stopping)
{
    /// <summary>Sent with every injected answer, so a person reading a trace can tell it from a real failure.</summary>
    public const string FaultHeader = "X-SyncLab-Fault";

    /// <summary>What a call that hung is ledgered with: nginx's "client closed request".</summary>
    public const int ClientClosedRequest = 499;

    public static bool IsExempt(PathString path) =>
        path.StartsWithSegments(AdminApi.Prefix, StringComparison.OrdinalIgnoreCase) || path.Equals("/health", StringComparison.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (IsExempt(http.Request.Path))
        {
            await next(http);
            return;
        }
        var method = http.Request.Method;
        var plan = book.Decide(method, http.Request.Path.Value ?? "/");
        if (plan.IsEmpty)
        {
            await next(http);
            return;
        }
        var target = http.Request.Path + http.Request.QueryString;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        try
        {
            if (plan.Delay > TimeSpan.Zero)
            {
                ledger.RecordFault(method, target, 0, string.Create(CultureInfo.InvariantCulture,
                    $"latency {plan.Delay.TotalMilliseconds:0} ms (real time) by {string.Join(", ", plan.DelayedBy)}"));
                await Task.Delay(plan.Delay, realTime.Provider, cancel.Token);
            }
            switch (plan.Answer)
            {
                case null:
                    await next(http);
                    return;
                case { Kind: FaultKind.Hang } hang:
                    ledger.RecordFault(method, target, 0, $"hang by {hang.RuleId}: no answer until the client gives up");
                    await Task.Delay(Timeout.InfiniteTimeSpan, realTime.Provider, cancel.Token);
                    return;
                case { Kind: FaultKind.LostAnswer } lost:
                    await LoseAnswerAsync(http, next, lost, method, target);
                    return;
                case { } answer:
                    ledger.RecordFault(method, target, answer.Status, $"{answer.Kind.ToString().ToLowerInvariant()} by {answer.RuleId}: {answer.Status}"
                        + (answer.RetryAfter is { } wait ? $", Retry-After {RetryAfterSeconds(wait)}" : string.Empty));
                    await WriteAsync(http, answer);
                    return;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client gave up, or the host is stopping: nobody is left to answer.
            http.Response.StatusCode = ClientClosedRequest;
            if (stopping.IsCancellationRequested)
            {
                http.Abort();
            }
        }
    }

    /// <summary>The mirror does the work into a buffer nobody reads; the client gets the gateway's error instead.</summary>
    private async Task LoseAnswerAsync(HttpContext http, RequestDelegate next, FaultAnswer answer, string method, string target)
    {
        var body = http.Response.Body;
        using var swallowed = new MemoryStream();
        http.Response.Body = swallowed;
        try
        {
            await next(http);
        }
        finally
        {
            http.Response.Body = body;
        }
        var done = http.Response.StatusCode;
        http.Response.Clear();
        ledger.RecordFault(method, target, answer.Status, string.Create(CultureInfo.InvariantCulture,
            $"lost-answer by {answer.RuleId}: the mirror answered {done}, the client gets {answer.Status}"));
        await WriteAsync(http, answer);
    }

    private async Task WriteAsync(HttpContext http, FaultAnswer answer)
    {
        var fault = new VendorFault(answer.Status, VendorFault.ReasonFor(answer.Kind, answer.Status), http.Request.Method, http.Request.Path.Value ?? "/", answer.RetryAfter);
        var response = shape.Render(fault);
        http.Response.StatusCode = answer.Status;
        http.Response.Headers[FaultHeader] = answer.RuleId;
        if (answer.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        }
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            http.Response.Headers[name] = value;
        }
        http.Response.ContentType = response.ContentType;
        await http.Response.WriteAsync(response.Body, http.RequestAborted);
    }

    /// <summary>Retry-After in whole seconds, rounded up, at least 1: clients read 0 as "now".</summary>
    private static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
