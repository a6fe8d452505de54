using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>
/// The fiscal year's end in the ERP: the office closes and opens posting periods and restarts number series; the
/// engine posts documents on an open day or holds them until there is one.
/// </summary>
[Binding]
public sealed class YearEndSteps(ErpOfficeDriver office, EngineDriver engine, OrderBackFlowDriver backFlow, WarehouseDriver warehouse, ErpDriver erp, ScenarioOrders orders)
{
    private const string Day = @"(\d{4}-\d{2}-\d{2})";

    [Given(@"^the office keeps the ERP's books open only from " + Day + " to " + Day + "$")]
    [When(@"^the office keeps the ERP's books open only from " + Day + " to " + Day + "$")]
    public Task GivenOpenOnly(string from, string to) => office.OpenPostingAsync(from, to);

    [Given(@"^the office restarts the ERP's sales order numbers at ""([^""]+)"" from " + Day + "$")]
    public Task GivenTheSeriesRestarts(string number, string from) => office.RestartNumberSeriesAsync("S-ORD", from, number);

    [When(@"^the office restarts the ERP's sales order numbers from " + Day + " at the number the web order had$")]
    public async Task WhenTheSeriesRestartsOnTheSameNumber(string from) =>
        await office.RestartNumberSeriesAsync("S-ORD", from, await SalesOrderNumberAsync(ScenarioOrders.ExternalNumberOf(orders.Last)));

    [When(@"^the engine has looked again at what it holds$")]
    public Task WhenTheEngineLooksAgain() => engine.RecheckHeldAsync();

    [Then(@"^the engine holds the web order's (order|parcel|refund) saying ""([^""]+)""$")]
    public async Task ThenHeld(string what, string text)
    {
        var key = await KeyAsync(what);
        var held = await engine.HeldAsync(key);
        Expect.That(held.Any(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)),
            $"expected the engine to hold {what} {key} saying \"{text}\"; it holds: {(held.Count == 0 ? "nothing" : string.Join("; ", held))}");
        var errors = await engine.DataErrorsAsync(key);
        Expect.That(errors.Count == 0, $"a held {what} is no data error, yet the engine reports: {string.Join("; ", errors.Select(e => e.Message))}");
        Expect.That(!(await engine.DeadLetteredKeysAsync()).Contains(key, StringComparer.Ordinal), $"the engine gave up on {what} {key}");
    }

    [Then(@"^the engine holds nothing for the web order$")]
    public async Task ThenNothingHeld()
    {
        foreach (var what in new[] { "order", "parcel", "refund" })
        {
            foreach (var key in await KeysAsync(what))
            {
                var held = await engine.HeldAsync(key);
                Expect.That(held.Count == 0, $"the engine still holds {what} {key}: {string.Join("; ", held)}");
            }
        }
    }

    [Then(@"^the ERP sales order for the web order posts on " + Day + "$")]
    public async Task ThenTheOrderPostsOn(string date)
    {
        var order = (await erp.SalesOrdersAsync(orders.LastExternalNumber)).Single();
        Expect.That((string?)order["postingDate"] == date, $"ERP sales order {(string?)order["number"]} posts on {(string?)order["postingDate"]} (ordered {(string?)order["orderDate"]}), expected {date}");
    }

    [Then(@"^the ERP invoice for the web order is posted on " + Day + "$")]
    public async Task ThenTheInvoiceIsPostedOn(string date)
    {
        var invoice = (await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{orders.LastExternalNumber}'")).Single();
        Expect.That((string?)invoice["postingDate"] == date, $"ERP invoice {(string?)invoice["number"]} is posted on {(string?)invoice["postingDate"]}, expected {date}");
    }

    [Then(@"^the ERP credit memo for the web order's return is posted on " + Day + "$")]
    public async Task ThenTheCreditMemoIsPostedOn(string date)
    {
        var invoice = (await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{orders.LastExternalNumber}'")).Single();
        var memos = await backFlow.ErpDocumentsAsync("salesCreditMemos", $"invoiceNumber eq '{(string)invoice["number"]!}'");
        Expect.That(memos.Count == 1, $"the ERP has {memos.Count} credit memo(s) against invoice {(string?)invoice["number"]}, expected 1");
        Expect.That((string?)memos[0]["status"] is "Open" or "Paid", $"credit memo {(string?)memos[0]["number"]} is {(string?)memos[0]["status"]}, not posted");
        Expect.That((string?)memos[0]["postingDate"] == date, $"credit memo {(string?)memos[0]["number"]} is posted on {(string?)memos[0]["postingDate"]}, expected {date}");
    }

    [Then(@"^the ERP sales order for the web order is numbered ""([^""]+)""$")]
    public async Task ThenNumbered(string number)
    {
        var actual = await SalesOrderNumberAsync(orders.LastExternalNumber);
        Expect.That(actual == number, $"the ERP numbered the web order's sales order {actual}, expected {number}");
    }

    [Then(@"^the ERP sales order for the web order has the number the first web order had$")]
    public async Task ThenSameNumberAsTheFirst()
    {
        var first = await SalesOrderNumberAsync(ScenarioOrders.ExternalNumberOf(orders.First));
        var last = await SalesOrderNumberAsync(orders.LastExternalNumber);
        Expect.That(first == last && ScenarioOrders.ExternalNumberOf(orders.First) != orders.LastExternalNumber,
            $"the web orders' ERP sales orders are numbered {first} and {last}; the scenario wants two web orders on one number");
    }

    [Then(@"^the first web order still has (\d+) invoices? in the ERP$")]
    public async Task ThenTheFirstOrderStillHasInvoices(int count)
    {
        var invoices = await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{ScenarioOrders.ExternalNumberOf(orders.First)}'");
        Expect.That(invoices.Count == count, $"the ERP has {invoices.Count} invoice(s) for {ScenarioOrders.ExternalNumberOf(orders.First)}, expected {count}");
    }

    /// <summary>The sales order number a web order has in the ERP: its open order's, or, once invoiced, the one the invoice names.</summary>
    private async Task<string> SalesOrderNumberAsync(string external)
    {
        if (await erp.SalesOrdersAsync(external) is [var open, ..])
        {
            return (string)open["number"]!;
        }
        if (await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{external}'") is [var invoice, ..])
        {
            return (string)invoice["orderNumber"]!;
        }
        throw new InvalidOperationException($"the ERP has neither a sales order nor an invoice for {external}");
    }

    private async Task<string> KeyAsync(string what) =>
        await KeysAsync(what) is [var key, ..] ? key : throw new InvalidOperationException($"the web order {orders.LastExternalNumber} has no {what} yet");

    /// <summary>The engine's keys for the latest web order: the order's id, its parcels' shipment ids, its refunds' ids.</summary>
    private async Task<IReadOnlyList<string>> KeysAsync(string what) => what switch
    {
        "order" => [(string)orders.Last["id"]!],
        "parcel" => (await warehouse.ShipmentsAsync(orders.LastExternalNumber)).Select(s => (string)s["shipment_id"]!).ToList(),
        _ => await backFlow.RefundIdsAsync((string)orders.Last["id"]!),
    };
}
