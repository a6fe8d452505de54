using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>The storefront drifting from the ERP behind the engine's back, and what the reconciliation reports and heals.</summary>
[Binding]
public sealed class ReconciliationSteps(StorefrontAdminDriver admin, ScheduleDriver schedules, ErpDriver erp, StorefrontDriver storefront, ScenarioItems items)
{
    /// <summary>Staff edit a price, the web stock or the product status (ACTIVE, DRAFT, ARCHIVED) in the storefront's admin.</summary>
    [When(@"^the merchant's staff change the (price|stock|status) of ""([^""]+)"" to (\S+) in the storefront admin$")]
    public Task WhenStaffChange(string what, string item, string value) => what switch
    {
        "price" => admin.SetPriceAsync(items.Sku(item), decimal.Parse(value, CultureInfo.InvariantCulture)),
        "stock" => admin.SetAvailableAsync(items.Sku(item), int.Parse(value, CultureInfo.InvariantCulture)),
        _ => admin.SetStatusAsync(items.Sku(item), value),
    };

    [Given(@"^the merchant's staff list a product ""([^""]+)"" by hand in the storefront admin$")]
    public Task GivenStaffListAProductByHand(string sku) => admin.CreateAsync(items.NewItemNumber(sku), "Hand-listed gift card");

    /// <summary>"store stock" is the count of a store that sells the web's stock (kind <c>pos-stock</c>).</summary>
    [Then(@"^the reconciliation found (price|stock|store stock|status) drift on ""([^""]+)"" and healed it$")]
    public async Task ThenDriftWasHealed(string what, string item)
    {
        var kind = what == "store stock" ? "pos-stock" : what;
        var findings = await FindingsAsync(item);
        Expect.That(findings.Any(f => f.Kind == kind && f.Healed), $"the reconciliation found for {items.Sku(item)}: {Describe(findings)}; expected {kind} drift, healed");
    }

    [Then(@"^the reconciliation found nothing to heal on ""([^""]+)""$")]
    public async Task ThenNothingFound(string item)
    {
        var findings = await FindingsAsync(item);
        Expect.That(findings.Count == 0, $"the reconciliation found for {items.Sku(item)}: {Describe(findings)}; expected nothing");
    }

    [Then(@"^the reconciliation reported ""([^""]+)"" without healing it, saying ""([^""]+)""$")]
    public async Task ThenReportedNotHealed(string item, string text)
    {
        var findings = await FindingsAsync(item);
        Expect.That(
            findings.Any(f => !f.Healed && f.Reason.Contains(text, StringComparison.OrdinalIgnoreCase)),
            $"the reconciliation found for {items.Sku(item)}: {Describe(findings)}; expected a report, not healed, saying \"{text}\"");
    }

    [Then(@"^the storefront shows ""([^""]+)"" as the ERP has it$")]
    public async Task ThenInStepWithTheErp(string item)
    {
        var card = await erp.ItemAsync(items.Number(item));
        var price = decimal.Parse(card["unitPrice"]!.ToString(), CultureInfo.InvariantCulture);
        var stock = Math.Max(0, (int)decimal.Parse(card["inventory"]!.ToString(), CultureInfo.InvariantCulture));
        var variant = await storefront.VariantAsync(items.Sku(item)) ?? throw new InvalidOperationException($"the storefront has no variant with SKU {items.Sku(item)}");
        var products = await storefront.ProductsAsync(items.Sku(item));
        var status = products.Count == 1 ? products[0].Status : $"{products.Count} products";
        Expect.That(
            variant.Price == price && variant.Available == stock && status == "ACTIVE",
            $"the storefront shows {items.Sku(item)} {status} at {variant.Price} with {variant.Available} available; the ERP has {price} and {stock} (expected ACTIVE)");
    }

    private async Task<List<ReconciliationFinding>> FindingsAsync(string item) =>
        (await schedules.LastReconciliationAsync()).Where(f => f.Sku == items.Sku(item)).ToList();

    private static string Describe(IReadOnlyList<ReconciliationFinding> findings) =>
        findings.Count == 0 ? "nothing" : string.Join("; ", findings.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Kind} {f.Found} -> {f.Expected} ({(f.Healed ? "healed" : "not healed")}: {f.Reason})")));
}
