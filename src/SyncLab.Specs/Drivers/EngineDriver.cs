using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>Waits for the engine (never for a duration) and reads what it reports.</summary>
public sealed class EngineDriver(StagingConnection staging, ClockDriver clock)
{
    /// <summary>Waits until nothing is queued, in flight or due now.</summary>
    public Task AwaitQuiescenceAsync() =>
        staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/quiescence?timeoutSeconds=45"));

    /// <summary>Lets business time reach the next scheduled poll, then waits for everything it set off.</summary>
    public async Task RunNextPollAsync()
    {
        await clock.AdvanceAsync(staging.PollInterval);
        await AwaitQuiescenceAsync();
    }

    public async Task<IReadOnlyList<(string Key, string Message)>> DataErrorsAsync(string key)
    {
        var rows = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, $"engine/data-errors?key={Uri.EscapeDataString(key)}"));
        return rows!.AsArray().Select(r => ((string)r!["key"]!, (string)r["message"]!)).ToList();
    }

    /// <summary>What the engine holds for one key (work the ERP refuses while its books are closed), with the reasons.</summary>
    public async Task<IReadOnlyList<string>> HeldAsync(string key)
    {
        var rows = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, $"engine/held?key={Uri.EscapeDataString(key)}"));
        return rows!.AsArray().Select(r => (string)r!["reason"]!).ToList();
    }

    /// <summary>
    /// Lets business time pass until the engine offers what it holds to the ERP again (<c>EngineOptions.HoldRecheck</c>,
    /// 15 minutes unless the staging was set otherwise), then waits for it.
    /// </summary>
    public async Task RecheckHeldAsync()
    {
        await clock.AdvanceAsync(TimeSpan.FromMinutes(15));
        await AwaitQuiescenceAsync();
    }

    public async Task<JsonNode> StatusAsync() =>
        (await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/status")))!;

    /// <summary>The keys (SKUs, order ids) the engine has given up on.</summary>
    public async Task<IReadOnlyList<string>> DeadLetteredKeysAsync()
    {
        var rows = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/dead-letters"));
        return rows!.AsArray().Select(r => (string)r!["key"]!).ToList();
    }

    /// <summary>
    /// Puts what the engine gave up on for one key back into its queue (never "all": a shared staging holds
    /// other runs' dead letters), then waits for the replayed work. Answers how many changes were replayed.
    /// </summary>
    public Task<int> ReplayDeadLettersAsync(string key) => ReplayAsync("dead-letters", key);

    /// <summary>Queues the record behind one key's data errors again (its data was fixed elsewhere), then waits for it.</summary>
    public Task<int> ReplayDataErrorsAsync(string key) => ReplayAsync("data-errors", key);

    private async Task<int> ReplayAsync(string what, string key)
    {
        var answer = await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Engine, $"engine/{what}/replay"), new { key });
        await AwaitQuiescenceAsync();
        return (int)answer!["replayed"]!;
    }
}
