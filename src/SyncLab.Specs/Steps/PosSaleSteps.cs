using Reqnroll;
using SyncLab.Engine.PosSales;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>Sales at the stores' tills and what the ERP books for them.</summary>
[Binding]
public sealed class PosSaleSteps(PosDriver pos, OrderBackFlowDriver erp, ScenarioItems items)
{
    [When(@"^a customer buys (\d+) of ""([^""]+)"" at the till in ""([^""]+)""$")]
    public Task WhenACustomerBuysAtTheTill(int quantity, string item, string store) => pos.RingUpAsync(store, items.Sku(item), quantity);

    [Then(@"^the ERP has (\d+) invoices? for the till sale, to the cash customer ""([^""]+)""$")]
    public async Task ThenTheErpHasInvoices(int count, string customer)
    {
        var external = ExternalNumber();
        var invoices = await erp.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{external}'");
        Expect.That(invoices.Count == count, $"the ERP has {invoices.Count} invoice(s) for {external}, expected {count}");
        var to = invoices.Select(i => (string?)i["customerNumber"]).ToList();
        Expect.That(to.All(c => c == customer), $"the ERP invoiced {external} to {string.Join(", ", to)}, expected {customer}");
        var open = await erp.ErpDocumentsAsync("salesOrders", $"externalDocumentNumber eq '{external}'");
        Expect.That(open.Count == 0, $"the ERP still has {open.Count} open sales order(s) for {external}: the sale should be shipped and invoiced at once");
    }

    private string ExternalNumber() =>
        PosSalePlan.ExternalNumber(pos.LastSaleOrderId ?? throw new InvalidOperationException("no sale was rung up at a till in this scenario"));
}
