using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class OrderSteps(StorefrontDriver storefront, ErpDriver erp, EngineDriver engine, ScenarioItems items, ScenarioOrders orders, StagingConnection staging)
{
    [Given(@"^a web item known as ""([^""]+)"" whose ERP number the office keyed with drift$")]
    public void GivenADriftedWebItem(string alias) => items.TakeDriftedWebItem(alias);

    [Given(@"^the office blocks ""([^""]+)"" in the ERP$")]
    public Task GivenTheOfficeBlocks(string item) => erp.BlockItemAsync(items.Number(item));

    [Given(@"^a returning shopper ""([^""]+)"" the ERP knows as a customer$")]
    public void GivenAReturningShopper(string alias) => items.Name(alias, staging.Estate.Customers[0].Email);

    [When(@"^(?:a shopper|the returning shopper) ""([^""]+)"" orders (\d+) of ""([^""]+)"" on the storefront$")]
    public async Task WhenAShopperOrders(string shopper, int quantity, string item) =>
        orders.Add(await storefront.PlaceOrderAsync(items.Shopper(shopper), [(items.Sku(item), quantity)]));

    [Given(@"^the web items ""([^""]+) (\d+)"" to ""\1 (\d+)""$")]
    public async Task GivenTheWebItems(string prefix, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            await items.TakeWebItemAsync($"{prefix} {i}");
        }
    }

    [When(@"^a shopper ""([^""]+)"" orders 1 of each of ""([^""]+) (\d+)"" to ""\2 (\d+)"" on the storefront$")]
    public async Task WhenAShopperOrdersEach(string shopper, string prefix, int from, int to) =>
        orders.Add(await storefront.PlaceOrderAsync(items.Shopper(shopper), Enumerable.Range(from, to - from + 1).Select(i => (items.Sku($"{prefix} {i}"), 1)).ToList()));

    [Then(@"^the ERP sales order has (\d+) lines$")]
    public async Task ThenTheSalesOrderHasLines(int count)
    {
        var order = (await erp.SalesOrdersAsync(orders.LastExternalNumber)).Single();
        var lines = order["salesOrderLines"]!.AsArray().Count;
        if (lines != count)
        {
            throw new InvalidOperationException($"ERP sales order {(string?)order["number"]} has {lines} lines, expected {count}");
        }
    }

    [When(@"^the web order is cancelled on the storefront$")]
    public Task WhenTheOrderIsCancelled() => storefront.CancelOrderAsync((string)orders.Last["id"]!);

    [When(@"^the engine polls (\d+) more times$")]
    public async Task WhenTheEnginePollsAgain(int times)
    {
        for (var i = 0; i < times; i++)
        {
            await engine.RunNextPollAsync();
        }
    }

    [Then(@"^the ERP has (\d+) sales orders? for the web order$")]
    public async Task ThenTheErpHasSalesOrders(int count)
    {
        var found = await erp.SalesOrdersAsync(orders.LastExternalNumber);
        if (found.Count != count)
        {
            throw new InvalidOperationException($"the ERP has {found.Count} sales order(s) with external document number {orders.LastExternalNumber}, expected {count}");
        }
    }

    [Then(@"^the ERP sales order has a line of (\d+) ""([^""]+)"" at the storefront price$")]
    public async Task ThenTheSalesOrderHasALine(int quantity, string item)
    {
        var order = (await erp.SalesOrdersAsync(orders.LastExternalNumber)).Single();
        var itemId = (string)(await erp.ItemAsync(items.Number(item)))["id"]!;
        var price = decimal.Parse((string)orders.Last["lines"]![0]!["price"]!, CultureInfo.InvariantCulture);
        var lines = order["salesOrderLines"]!.AsArray();
        if (!lines.Any(l => (string?)l!["itemId"] == itemId && (decimal)l["quantity"]! == quantity && (decimal)l["unitPrice"]! == price))
        {
            throw new InvalidOperationException($"ERP sales order {(string?)order["number"]} has no line of {quantity} x item {itemId} at {price}: {lines.ToJsonString()}");
        }
    }

    [Then(@"^the ERP has exactly (\d+) customers? with the e-mail of ""([^""]+)""$")]
    public async Task ThenTheErpHasCustomers(int count, string shopper)
    {
        var found = await erp.CustomersAsync(items.Shopper(shopper));
        if (found.Count != count)
        {
            throw new InvalidOperationException($"the ERP has {found.Count} customer(s) with e-mail {items.Shopper(shopper)}, expected {count}");
        }
    }

    [Then(@"^the ERP sales order is for the customer with the e-mail of ""([^""]+)""$")]
    public async Task ThenTheSalesOrderIsFor(string shopper)
    {
        var order = (await erp.SalesOrdersAsync(orders.LastExternalNumber)).Single();
        var customer = (await erp.CustomersAsync(items.Shopper(shopper))).Single();
        if ((string?)order["customerId"] != (string?)customer["id"])
        {
            throw new InvalidOperationException($"ERP sales order {(string?)order["number"]} is for customer {(string?)order["customerNumber"]}, not {(string?)customer["number"]}");
        }
    }

    [Then(@"^the engine reports a data error for the web order saying ""([^""]+)""$")]
    public async Task ThenADataErrorForTheOrder(string text)
    {
        var key = (string)orders.Last["id"]!;
        var errors = await engine.DataErrorsAsync(key);
        if (!errors.Any(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"expected a data error for {key} saying \"{text}\"; the engine reports: {(errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Message)))}");
        }
    }

    [Then(@"^the engine reports no data error for the web order$")]
    public async Task ThenNoDataErrorForTheOrder()
    {
        var key = (string)orders.Last["id"]!;
        var errors = await engine.DataErrorsAsync(key);
        Expect.That(errors.Count == 0, $"unexpected data errors for {key}: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    [When(@"^the office replays the engine's data errors for the web order$")]
    public async Task WhenTheOfficeReplaysTheOrder()
    {
        var key = (string)orders.Last["id"]!;
        Expect.That(await engine.ReplayDataErrorsAsync(key) > 0, $"the engine had nothing of {key} to replay");
    }
}
