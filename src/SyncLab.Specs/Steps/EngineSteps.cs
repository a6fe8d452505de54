using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class EngineSteps(EngineDriver engine, ScenarioItems items)
{
    [When(@"^the engine's next poll has run$")]
    public Task WhenTheNextPollHasRun() => engine.RunNextPollAsync();

    [Then(@"^the engine reports a data error for ""([^""]+)"" saying ""([^""]+)""$")]
    public async Task ThenADataErrorIsReported(string item, string text)
    {
        var errors = await engine.DataErrorsAsync(items.Sku(item));
        // The scenario names the item as written; on a shared staging it carries this run's own number.
        text = text.Replace(item, items.Sku(item), StringComparison.Ordinal);
        if (!errors.Any(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)))
        {
            var seen = errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Message));
            throw new InvalidOperationException($"expected a data error for {items.Sku(item)} saying \"{text}\"; the engine reports: {seen}");
        }
    }

    [Then(@"^the engine reports no data error for ""([^""]+)""$")]
    public async Task ThenNoDataError(string item)
    {
        var errors = await engine.DataErrorsAsync(items.Sku(item));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"unexpected data errors for {items.Sku(item)}: {string.Join("; ", errors.Select(e => e.Message))}");
        }
    }

    [Then(@"^the engine has given up on nothing for ""([^""]+)""$")]
    public async Task ThenNothingWasDeadLettered(string item)
    {
        var sku = items.Sku(item);
        Expect.That(!(await engine.DeadLetteredKeysAsync()).Contains(sku, StringComparer.Ordinal), $"the engine dead-lettered a change of {sku}");
    }

    [Then(@"^the engine has given up on ""([^""]+)""$")]
    public async Task ThenItWasDeadLettered(string item)
    {
        var sku = items.Sku(item);
        Expect.That((await engine.DeadLetteredKeysAsync()).Contains(sku, StringComparer.Ordinal), $"the engine has not given up on {sku}");
    }

    [When(@"^the office replays what the engine gave up on for ""([^""]+)""$")]
    public async Task WhenTheOfficeReplays(string item)
    {
        var sku = items.Sku(item);
        Expect.That(await engine.ReplayDeadLettersAsync(sku) > 0, $"the engine had nothing of {sku} to replay");
    }
}
