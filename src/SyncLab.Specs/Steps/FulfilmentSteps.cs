using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class FulfilmentSteps(WarehouseDriver warehouse, OrderBackFlowDriver backFlow, EngineDriver engine, ErpDriver erp, ErpOfficeDriver office, ScenarioItems items, ScenarioOrders orders, StagingConnection staging)
{
    private readonly List<string> _tracking = [];

    [Given(@"^a web item known as ""([^""]+)"" that the warehouse stocks$")]
    public async Task GivenAStockedWebItem(string alias)
    {
        var item = await items.TakeWebItemAsync(alias);
        await warehouse.ReceiveAsync(item.Sku, 50);
    }

    [Given(@"^the warehouse stocks the web items ""([^""]+) (\d+)"" to ""\1 (\d+)""$")]
    public async Task GivenStockedWebItems(string prefix, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            await GivenAStockedWebItem($"{prefix} {i}");
        }
    }

    [When(@"^the warehouse ships the web order$")]
    public async Task WhenTheWarehouseShips()
    {
        var pending = (await warehouse.ShipmentsAsync(orders.LastExternalNumber)).FirstOrDefault(s => (string?)s["shipment_status"] == "pending")
            ?? throw new InvalidOperationException($"the warehouse has no pending shipment for {orders.LastExternalNumber}");
        _tracking.Add(await warehouse.BuyLabelAsync((string)pending["shipment_id"]!));
    }

    [When(@"^the warehouse ships a parcel of (\d+) ""([^""]+)"" by (UPS|FedEx|USPS)$")]
    public Task WhenTheWarehouseShipsAParcel(int units, string item, string carrier) => ShipParcelAsync(carrier, (items.Sku(item), units));

    [When(@"^the warehouse ships a parcel of (\d+) ""([^""]+)"" and (\d+) ""([^""]+)"" by (UPS|FedEx|USPS)$")]
    public Task WhenTheWarehouseShipsAParcelOfTwo(int units, string item, int otherUnits, string other, string carrier) =>
        ShipParcelAsync(carrier, (items.Sku(item), units), (items.Sku(other), otherUnits));

    [When(@"^the warehouse ships the rest of the web order$")]
    public Task WhenTheWarehouseShipsTheRest() => WhenTheWarehouseShips();

    [When(@"^the warehouse keys the web order in a second time and ships both parcels$")]
    public async Task WhenTheWarehouseShipsTwice()
    {
        var original = (await warehouse.ShipmentsAsync(orders.LastExternalNumber)).Single();
        var copy = await warehouse.KeyInCopyAsync(original);
        _tracking.Add(await warehouse.BuyLabelAsync((string)original["shipment_id"]!));
        await warehouse.BuyLabelAsync(copy);
    }

    [Given(@"^the warehouse's shipment webhooks go to the engine$")]
    public Task GivenWarehouseWebhooksGoToTheEngine() => warehouse.SubscribeTheEngineAsync();

    [When(@"^the warehouse loses every webhook it sends$")]
    public Task WhenTheWarehouseLosesWebhooks() => warehouse.LoseEveryWebhookAsync();

    [When(@"^the warehouse has sent its webhook for the parcel, with no poll due$")]
    public Task WhenTheParcelWebhookWasSent() => warehouse.AwaitTrackWebhookAsync();

    [When(@"^the manufacturer recalls ""([^""]+)"" and the office blocks it in the ERP$")]
    public Task WhenRecalled(string item) => erp.BlockItemAsync(items.Number(item));

    [Then(@"^the warehouse has (\d+) shipments? for the web order$")]
    public async Task ThenTheWarehouseHasShipments(int count)
    {
        var found = await warehouse.ShipmentsAsync(orders.LastExternalNumber);
        Expect(found.Count == count, $"the warehouse has {found.Count} shipment(s) for {orders.LastExternalNumber}, expected {count}");
    }

    [Then(@"^the warehouse shipment for the web order is (pending|cancelled|shipped)$")]
    public async Task ThenTheShipmentIs(string state)
    {
        var status = (string?)(await warehouse.ShipmentsAsync(orders.LastExternalNumber)).Single()["shipment_status"];
        var expected = state == "shipped" ? "label_purchased" : state;
        Expect(status == expected, $"the warehouse shipment for {orders.LastExternalNumber} is {status}, expected {expected}");
    }

    [Then(@"^the warehouse shipment for the web order picks (\d+) of ""([^""]+)""$")]
    public async Task ThenTheShipmentPicks(int quantity, string item)
    {
        var shipment = (await warehouse.ShipmentsAsync(orders.LastExternalNumber)).Single();
        var lines = shipment["items"]!.AsArray();
        Expect(lines.Any(l => (string?)l!["sku"] == items.Sku(item) && (int)l["quantity"]! == quantity),
            $"the warehouse shipment {(string?)shipment["shipment_id"]} does not pick {quantity} of {items.Sku(item)}: {lines.ToJsonString()}");
    }

    [Then(@"^the web order is fulfilled on the storefront with the warehouse's tracking number and carrier ""([^""]+)""$")]
    public async Task ThenFulfilledWithTracking(string carrier)
    {
        var view = await backFlow.FulfilmentAsync((string)orders.Last["id"]!);
        Expect(view.Status == "FULFILLED", $"the web order is {view.Status} on the storefront, expected FULFILLED");
        Expect(view.TrackingNumbers.SequenceEqual(_tracking) && view.Carriers.All(c => c == carrier),
            $"the storefront shows tracking {string.Join(", ", view.TrackingNumbers)} ({string.Join(", ", view.Carriers)}), expected {string.Join(", ", _tracking)} ({carrier})");
    }

    [Then(@"^the web order is (fulfilled|partially fulfilled) on the storefront$")]
    public async Task ThenFulfilled(string state)
    {
        var status = (await backFlow.FulfilmentAsync((string)orders.Last["id"]!)).Status;
        var expected = state == "fulfilled" ? "FULFILLED" : "PARTIALLY_FULFILLED";
        Expect(status == expected, $"the web order is {status} on the storefront, expected {expected}");
    }

    [Then(@"^the web order's parcel (\d+) on the storefront carries (\d+) ""([^""]+)"" with its (UPS|FedEx|USPS) tracking number$")]
    public async Task ThenTheParcelCarries(int number, int units, string item, string carrier)
    {
        var parcels = await backFlow.ParcelsAsync((string)orders.Last["id"]!);
        Expect(parcels.Count >= number, $"the web order has {parcels.Count} fulfilment(s) on the storefront, expected a parcel {number}");
        var parcel = parcels[number - 1];
        Expect(parcel.Units.GetValueOrDefault(items.Sku(item)) == units,
            $"parcel {number} carries {string.Join(", ", parcel.Units.Select(u => $"{u.Value} {u.Key}"))}, expected {units} of {items.Sku(item)}");
        Expect(parcel.TrackingNumber == _tracking[number - 1] && parcel.Carrier == carrier,
            $"parcel {number} has tracking {parcel.TrackingNumber} ({parcel.Carrier}), expected {_tracking[number - 1]} ({carrier})");
    }

    [Then(@"^the web order has (\d+) fulfilments? on the storefront$")]
    public async Task ThenFulfilments(int count)
    {
        var view = await backFlow.FulfilmentAsync((string)orders.Last["id"]!);
        Expect(view.Fulfillments == count, $"the web order has {view.Fulfillments} fulfilment(s) on the storefront, expected {count}");
    }

    [Then(@"^the ERP has (\d+) invoices? for the web order$")]
    public async Task ThenInvoices(int count)
    {
        var found = await backFlow.ErpDocumentsAsync("salesInvoices", $"externalDocumentNumber eq '{orders.LastExternalNumber}'");
        Expect(found.Count == count, $"the ERP has {found.Count} invoice(s) for {orders.LastExternalNumber}, expected {count}");
    }

    [Then(@"^the engine reports a data error for one of the two parcels saying ""([^""]+)""$")]
    public async Task ThenADataErrorForOneParcel(string text)
    {
        // They shipped at the same instant: whichever the engine records second is the extra one.
        var errors = new List<(string Key, string Message)>();
        foreach (var parcel in await warehouse.ShipmentsAsync(orders.LastExternalNumber))
        {
            errors.AddRange(await engine.DataErrorsAsync((string)parcel["shipment_id"]!));
        }
        var matching = errors.Count(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase));
        Expect(matching == 1,
            $"expected a data error saying \"{text}\" for exactly one of the parcels of {orders.LastExternalNumber}; the engine reports: {(errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Message)))}");
    }

    [Given(@"^the office closes the ERP's books before (\d{4}-\d{2}-\d{2})$")]
    [When(@"^the office closes the ERP's books before (\d{4}-\d{2}-\d{2})$")]
    public Task WhenTheOfficeClosesTheBooks(string date) => office.ClosePostingBeforeAsync(date);

    [Given(@"^the (warehouse|storefront|ERP) answers every call with (\d{3})$")]
    [When(@"^the (warehouse|storefront|ERP) answers every call with (\d{3})$")]
    public Task GivenASystemFails(string system, int status) =>
        WarehouseDriver.FailAsync(staging, SystemKey(system), new { id = "scenario-outage", kind = "error", status });

    [Given(@"^the warehouse answers the next (\d+) calls with 429 and Retry-After (\d+) seconds$")]
    [When(@"^the warehouse answers the next (\d+) calls with 429 and Retry-After (\d+) seconds$")]
    public Task GivenTheWarehouseThrottles(int count, int seconds) =>
        WarehouseDriver.FailAsync(staging, "warehouse", new { id = "scenario-throttle", kind = "throttle", count, retryAfter = TimeSpan.FromSeconds(seconds).ToString("c", System.Globalization.CultureInfo.InvariantCulture) });

    [When(@"^the (warehouse|storefront|ERP) answers normally again$")]
    public Task WhenTheSystemRecovers(string system) => WarehouseDriver.RestoreAsync(staging, SystemKey(system));

    private async Task ShipParcelAsync(string carrier, params (string Sku, int Units)[] parcel)
    {
        var pending = (await warehouse.ShipmentsAsync(orders.LastExternalNumber)).FirstOrDefault(s => (string?)s["shipment_status"] == "pending")
            ?? throw new InvalidOperationException($"the warehouse has no pending shipment for {orders.LastExternalNumber}");
        _tracking.Add(await warehouse.ShipParcelAsync((string)pending["shipment_id"]!, carrier, parcel));
    }

    private static string SystemKey(string system) => system == "ERP" ? "erp" : system;

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
