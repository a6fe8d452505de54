using System.Globalization;
using System.Text.Json.Nodes;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class ReturnSteps(OrderBackFlowDriver backFlow, WarehouseDriver warehouse, StorefrontDriver storefront, ClockDriver clock, EngineDriver engine, ScenarioItems items, ScenarioOrders orders)
{
    private readonly List<(JsonNode Order, string Item)> _surge = [];

    [When(@"^the shopper returns (\d+) of ""([^""]+)"" and is refunded$")]
    public Task WhenReturned(int quantity, string item) =>
        backFlow.RefundAsync((string)orders.Last["id"]!, items.Sku(item), quantity, "RETURN");

    [When(@"^the merchant refunds (\d+) of ""([^""]+)"" without taking it back$")]
    public Task WhenRefundedWithoutReturn(int quantity, string item) =>
        backFlow.RefundAsync((string)orders.Last["id"]!, items.Sku(item), quantity, "NO_RESTOCK");

    [Then(@"^the ERP has (\d+) posted credit memos? for the web order's returns$")]
    public async Task ThenCreditMemos(int count)
    {
        var memos = await CreditMemosAsync();
        Expect(memos.Count == count, $"the ERP has {memos.Count} credit memo(s) for {orders.LastExternalNumber}'s refunds, expected {count}");
        Expect(memos.All(m => (string?)m["status"] is "Open" or "Paid"), $"not every credit memo is posted: {string.Join(", ", memos.Select(m => $"{(string?)m["number"]} {(string?)m["status"]}"))}");
    }

    [Then(@"^the ERP credit memo credits (\d+) of ""([^""]+)"" at the storefront price against the web order's invoice$")]
    public async Task ThenTheMemoCredits(int quantity, string item)
    {
        var memo = (await CreditMemosAsync(withLines: true)).Single();
        var invoice = (await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{orders.LastExternalNumber}'")).Single();
        var price = decimal.Parse((string)orders.Last["lines"]![0]!["price"]!, CultureInfo.InvariantCulture);
        var lines = memo["salesCreditMemoLines"]!.AsArray();
        Expect((string?)memo["invoiceNumber"] == (string?)invoice["number"], $"credit memo {(string?)memo["number"]} is against invoice '{(string?)memo["invoiceNumber"]}', expected {(string?)invoice["number"]}");
        Expect(lines.Count == 1 && (decimal)lines[0]!["quantity"]! == quantity && (decimal)lines[0]!["unitPrice"]! == price && ((string?)lines[0]!["lineObjectNumber"])?.Trim().ToUpperInvariant() == items.Sku(item),
            $"credit memo {(string?)memo["number"]} lines are {lines.ToJsonString()}, expected {quantity} of {items.Sku(item)} at {price}");
    }

    [Then(@"^the engine reports a data error for the web order's refund saying ""([^""]+)""$")]
    public async Task ThenARefundDataError(string text)
    {
        var refunds = await backFlow.RefundIdsAsync((string)orders.Last["id"]!);
        var errors = new List<(string Key, string Message)>();
        foreach (var refund in refunds)
        {
            errors.AddRange(await engine.DataErrorsAsync(refund));
        }
        Expect(errors.Any(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)),
            $"expected a data error for a refund of {(string?)orders.Last["name"]} saying \"{text}\"; the engine reports: {(errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Message)))}");
    }

    [When(@"^shoppers each order 1 of one of ""([^""]+) (\d+)"" to ""\1 (\d+)"" and the warehouse ships them all$")]
    public async Task WhenManyOrdersShip(string prefix, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            var order = await storefront.PlaceOrderAsync(items.Shopper($"holiday{i}@example.com"), [(items.Sku($"{prefix} {i}"), 1)]);
            orders.Add(order);
            _surge.Add((order, $"{prefix} {i}"));
        }
        await engine.RunNextPollAsync();
        foreach (var external in SurgeExternals())
        {
            var shipment = (await warehouse.ShipmentsAsync(external)).Single(s => (string?)s["shipment_status"] == "pending");
            await warehouse.BuyLabelAsync((string)shipment["shipment_id"]!);
        }
    }

    [Given(@"^the holidays are over: it is (\d{4}-\d{2}-\d{2}) in the morning$")]
    public Task GivenItIsJanuary(string date) =>
        clock.SetAsync(DateTimeOffset.Parse($"{date}T15:00:00Z", CultureInfo.InvariantCulture));

    [When(@"^every one of those shoppers returns their order and is refunded$")]
    public async Task WhenEveryoneReturns()
    {
        foreach (var (order, item) in SurgeOrders())
        {
            var fulfilment = await backFlow.FulfilmentAsync((string)order["id"]!);
            if (fulfilment.Status != "FULFILLED")
            {
                var errors = await engine.DataErrorsAsync((string)order["id"]!);
                throw new InvalidOperationException(
                    $"order {(string?)order["name"]} is {fulfilment.Status}, not yet fulfilled, so nothing can come back; engine: {(await engine.StatusAsync()).ToJsonString()}; data errors: {string.Join("; ", errors.Select(e => e.Message))}");
            }
            await backFlow.RefundAsync((string)order["id"]!, items.Sku(item), 1, "RETURN");
        }
    }

    [Then(@"^the ERP has exactly one posted credit memo per returned order, dated (\d{4}-\d{2}-\d{2})$")]
    public async Task ThenOneMemoEach(string date)
    {
        foreach (var (order, _) in SurgeOrders())
        {
            var memos = await backFlow.ErpDocumentsAsync("salesCreditMemos", $"invoiceNumber eq '{await InvoiceNumberAsync(order)}'");
            Expect(memos.Count == 1, $"order {(string?)order["name"]} has {memos.Count} credit memo(s), expected 1");
            Expect((string?)memos[0]["creditMemoDate"] == date, $"credit memo {(string?)memos[0]["number"]} is dated {(string?)memos[0]["creditMemoDate"]}, expected {date}");
        }
    }

    private async Task<string> InvoiceNumberAsync(JsonNode order)
    {
        var external = $"SHOPIFY-{(long)order["legacyResourceId"]!}";
        var invoice = (await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{external}'")).SingleOrDefault()
            ?? throw new InvalidOperationException($"the ERP has not invoiced {external}");
        return (string)invoice["number"]!;
    }

    private IEnumerable<(JsonNode Order, string Item)> SurgeOrders() => _surge;

    private IEnumerable<string> SurgeExternals() => _surge.Select(o => $"SHOPIFY-{(long)o.Order["legacyResourceId"]!}");

    /// <summary>Credit memos for the latest web order's refunds: those against its invoice.</summary>
    private async Task<IReadOnlyList<JsonNode>> CreditMemosAsync(bool withLines = false)
    {
        var invoices = await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{orders.LastExternalNumber}'");
        if (invoices.Count == 0)
        {
            return [];
        }
        return await backFlow.ErpDocumentsAsync("salesCreditMemos", $"invoiceNumber eq '{(string)invoices[0]["number"]!}'", withLines);
    }

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
