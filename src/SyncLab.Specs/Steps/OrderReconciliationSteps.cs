using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class OrderReconciliationSteps(ScheduleDriver schedules, EngineDriver engine, WarehouseDeskDriver desk, ScenarioOrders orders)
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["missing in the ERP"] = "order-missing",
        ["without a warehouse shipment"] = "shipment-missing",
    };

    [When(@"^the warehouse cancels the web order's shipment by hand$")]
    public Task WhenTheWarehouseCancels() => desk.CancelByHandAsync(orders.LastExternalNumber);

    [Then(@"^the engine has given up on the web order$")]
    public async Task ThenGivenUpOnTheOrder()
    {
        var keys = await engine.DeadLetteredKeysAsync();
        Expect.That(keys.Contains((string)orders.Last["id"]!), $"the engine gave up on {string.Join(", ", keys)}; expected the web order {orders.LastExternalNumber}");
    }

    [Then(@"^the reconciliation found the web order (missing in the ERP|without a warehouse shipment) and (healed it|reported it without healing it)$")]
    public async Task ThenTheOrderWasFound(string what, string outcome)
    {
        var findings = (await schedules.LastReconciliationAsync()).Where(f => f.Sku == orders.LastExternalNumber).ToList();
        Expect.That(
            findings.Any(f => f.Kind == Kinds[what] && f.Healed == (outcome == "healed it")),
            $"the reconciliation found for {orders.LastExternalNumber}: {string.Join("; ", findings.Select(f => $"{f.Kind} ({(f.Healed ? "healed" : "reported")}): {f.Reason}"))}; expected {Kinds[what]}, {outcome}");
    }

    [Then(@"^the reconciliation found nothing about the web order$")]
    public async Task ThenNothingAboutTheOrder()
    {
        var findings = (await schedules.LastReconciliationAsync()).Where(f => f.Sku == orders.LastExternalNumber).ToList();
        Expect.That(findings.Count == 0, $"the reconciliation found for {orders.LastExternalNumber}: {string.Join("; ", findings.Select(f => f.Kind))}; expected nothing");
    }
}
