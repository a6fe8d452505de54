using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>Available-to-sell from the warehouse and the stores: stock where it is, the office's settings, the annual stocktake, the peak.</summary>
[Binding]
public sealed class InventorySteps(StockDriver stock, EngineDriver engine, StorefrontDriver storefront, ScenarioItems items, ScenarioOrders orders, StagingConnection staging)
{
    private readonly PeakTally _peak = new();

    // What the scenario put on the shelves: SKU → the warehouse's and each store's stock.
    private readonly Dictionary<string, (int Warehouse, Dictionary<string, int> Stores)> _shelves = new(StringComparer.Ordinal);

    [Given(@"^the engine plans available-to-sell from the warehouse and the stores$")]
    public Task GivenWarehouseAndStores() => stock.FromWarehouseAndStoresAsync();

    [Given(@"^the engine's next poll has run$")]
    public Task GivenTheNextPoll() => engine.RunNextPollAsync();

    [Given(@"^the stores offering their stock to the web are ""([^""]*)""$")]
    public Task GivenOfferedStores(string stores) =>
        stock.OfferStoresAsync(stores == "none" ? [] : stores.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));

    [Given(@"^a web item known as ""([^""]+)"" with (\d+) in the warehouse$")]
    public async Task GivenWarehouseStock(string alias, int warehouse)
    {
        var item = await items.TakeWebItemAsync(alias);
        await stock.CountInWarehouseAsync(item.Sku, warehouse);
        _shelves[item.Sku] = (warehouse, new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase));
    }

    [Given(@"^a web item known as ""([^""]+)"" with (\d+) in the warehouse and (\d+) in ""([^""]+)""$")]
    public async Task GivenWarehouseAndStoreStock(string alias, int warehouse, int inStore, string store)
    {
        await GivenWarehouseStock(alias, warehouse);
        await stock.CountInStoreAsync(store, items.Sku(alias), inStore);
        _shelves[items.Sku(alias)].Stores[store] = inStore;
    }

    [Given(@"^a web item known as ""([^""]+)"" with (\d+) in the warehouse, (\d+) in ""([^""]+)"" and (\d+) in ""([^""]+)""$")]
    public async Task GivenWarehouseAndTwoStores(string alias, int warehouse, int first, string firstStore, int second, string secondStore)
    {
        await GivenWarehouseAndStoreStock(alias, warehouse, first, firstStore);
        await stock.CountInStoreAsync(secondStore, items.Sku(alias), second);
        _shelves[items.Sku(alias)].Stores[secondStore] = second;
    }

    [Given(@"^""([^""]+)"" has (\d+) in the warehouse$")]
    public Task GivenMoreWarehouseStock(string item, int warehouse) => stock.CountInWarehouseAsync(items.Sku(item), warehouse);

    [Given(@"^the merchant's safety stock is (\d+|-) on every item, (\d+|-) on the category of ""([^""]+)"" and (\d+|-) on ""([^""]+)""$")]
    public Task GivenSafetyStock(string every, string category, string categoryOf, string own, string item) =>
        stock.SafetyStockAsync(
            Units(every),
            Units(category) is { } c ? (items.Item(categoryOf).Category, c) : null,
            Units(own) is { } o ? (items.Sku(item), o) : null);

    [Given(@"^the merchant holds back (\d+) units? of every item from the web$")]
    public Task GivenSafetyStockOnEveryItem(int units) => stock.SafetyStockAsync(units, null, null);

    [Given(@"^the office names ""([^""]+)"" and ""([^""]+)"" as the warehouses selling to the web$")]
    public Task GivenWarehouses(string first, string second) => stock.SetWarehousesAsync([first, second]);

    [When(@"^""([^""]+)"" sells (\d+) of ""([^""]+)""$")]
    public Task WhenAStoreSells(string store, int quantity, string item) => stock.StoreSellsAsync(store, items.Sku(item), quantity);

    /// <summary>Staff key a count on the store's POS: Square's IN_STOCK count becomes what they counted.</summary>
    [When(@"^the staff of ""([^""]+)"" key a count of (\d+) of ""([^""]+)""$")]
    public Task WhenStaffCountInStore(string store, int quantity, string item) => stock.CountInStoreAsync(store, items.Sku(item), quantity);

    [Given(@"^""([^""]+)"" sold (\d+) of ""([^""]+)"" while its books held (\d+)$")]
    public async Task GivenAStoreOversold(string store, int sold, string item, int held)
    {
        await stock.CountInStoreAsync(store, items.Sku(item), held);
        await stock.StoreSellsAsync(store, items.Sku(item), sold);
    }

    [When(@"^the warehouse picks (\d+) of ""([^""]+)""$")]
    public Task WhenTheWarehousePicks(int quantity, string item) => stock.PickAsync(items.Sku(item), quantity);

    [When(@"^the warehouse receives (\d+) of ""([^""]+)""$")]
    public Task WhenTheWarehouseReceives(int quantity, string item) => stock.ReceiveAsync(items.Sku(item), quantity);

    [When(@"^the office offers the stock of ""([^""]+)"" to the web$")]
    public async Task WhenAStoreIsOffered(string store) => await stock.OfferStoresAsync([.. await stock.OfferedStoresAsync(), store]);

    [When(@"^the warehouse starts its annual stocktake$")]
    public Task WhenTheStocktakeStarts() => stock.StartStocktakeAsync();

    [When(@"^the stocktake counts (\d+) of ""([^""]+)""$")]
    public Task WhenTheStocktakeCounts(int quantity, string item) => stock.CountInWarehouseAsync(items.Sku(item), quantity);

    [When(@"^the warehouse finishes its stocktake$")]
    public Task WhenTheStocktakeEnds() => stock.FinishStocktakeAsync();

    [Given(@"^the POS answers every call with (\d{3})$")]
    [When(@"^the POS answers every call with (\d{3})$")]
    public Task GivenThePosFails(int status) => stock.PosFailsAsync(new { id = "scenario-pos-outage", kind = "error", status });

    [When(@"^the POS answers the next (\d+) calls with 429$")]
    public Task WhenThePosThrottles(int count) => stock.PosFailsAsync(new { id = "scenario-pos-throttle", kind = "throttle", count });

    [When(@"^the POS answers normally again$")]
    public Task WhenThePosRecovers() => stock.PosRecoversAsync();

    /// <summary>
    /// The peak: shoppers order in waves between the engine's polls (each wave as fast as the storefront answers),
    /// and the store's till sells at each poll; every answer is tallied.
    /// </summary>
    [When(@"^Black Friday brings (\d+) shoppers ordering (\d+) each of ""([^""]+)"", (\d+) between the engine's polls, while ""([^""]+)"" sells (\d+) at each poll$")]
    public async Task WhenThePeakComes(int shoppers, int each, string item, int perWave, string store, int storeSales)
    {
        var sku = items.Sku(item);
        _peak.StockBefore = await StockOfAsync(sku, store);
        for (var shopper = 1; shopper <= shoppers; shopper++)
        {
            var order = await stock.TryPlaceOrderAsync(items.Shopper($"peak{shopper}@example.com"), sku, each);
            if (order is null)
            {
                _peak.Refused++;
            }
            else
            {
                orders.Add(order);
                _peak.Taken.Add(order);
                _peak.WebUnits += each;
            }
            if (shopper % perWave == 0 || shopper == shoppers)
            {
                if (storeSales > 0 && await stock.StoreInStockAsync(store, sku) >= storeSales)
                {
                    await stock.StoreSellsAsync(store, sku, storeSales);
                    _peak.StoreUnits += storeSales;
                }
                await engine.RunNextPollAsync();
                await CheckNeverMoreThanThereIsAsync(sku, store);
            }
        }
    }

    [When(@"^the engine works through the peak$")]
    public Task WhenTheEngineWorksThroughThePeak() => stock.SettleAsync();

    [Then(@"^no more of ""([^""]+)"" was sold than there was$")]
    public void ThenNoOversell(string item)
    {
        Expect.That(_peak.WebUnits + _peak.StoreUnits <= _peak.StockBefore,
            $"{_peak.WebUnits} sold on the web and {_peak.StoreUnits} in the store, but there were only {_peak.StockBefore} of {items.Sku(item)}");
        Expect.That(_peak.Overshown.Count == 0, $"the storefront showed more than there was: {string.Join("; ", _peak.Overshown)}");
    }

    [Then(@"^the storefront refused (\d+) orders$")]
    public void ThenRefused(int count) => Expect.That(_peak.Refused == count, $"the storefront refused {_peak.Refused} orders, expected {count}");

    [Then(@"^every web order the storefront took reached the warehouse$")]
    public async Task ThenEveryOrderReachedTheWarehouse()
    {
        foreach (var order in _peak.Taken)
        {
            var reference = $"SHOPIFY-{(long)order["legacyResourceId"]!}";
            var shipments = await stock.ShipmentsForAsync(reference);
            Expect.That(shipments == 1, $"the warehouse has {shipments} shipments for {reference}, expected 1");
        }
    }

    [AfterScenario]
    public async Task PutSettingsBackAsync()
    {
        if (staging.IsConnected)
        {
            await stock.RestoreAsync();
        }
    }

    /// <summary>What there really is to sell: what the scenario put in the warehouse and in the store, if the store sells to the web.</summary>
    private async Task<int> StockOfAsync(string sku, string store)
    {
        var shelves = _shelves.TryGetValue(sku, out var known) ? known : throw new InvalidOperationException($"the scenario did not say how much of {sku} there is");
        var offered = (await stock.OfferedStoresAsync()).Contains(store, StringComparer.OrdinalIgnoreCase);
        return shelves.Warehouse + (offered ? shelves.Stores.GetValueOrDefault(store) : 0);
    }

    /// <summary>After each poll: the storefront offers no more than is really left, less the web orders not yet allocated.</summary>
    private async Task CheckNeverMoreThanThereIsAsync(string sku, string store)
    {
        var shown = (await storefront.VariantAsync(sku))?.Available ?? 0;
        var left = _peak.StockBefore - _peak.WebUnits - _peak.StoreUnits;
        if (shown > left)
        {
            _peak.Overshown.Add($"{shown} shown with {left} left of {await StockOfAsync(sku, store)}");
        }
    }

    private static int? Units(string value) => value == "-" ? null : int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class PeakTally
    {
        public int StockBefore { get; set; }

        public int WebUnits { get; set; }

        public int StoreUnits { get; set; }

        public int Refused { get; set; }

        public List<System.Text.Json.Nodes.JsonNode> Taken { get; } = [];

        public List<string> Overshown { get; } = [];
    }
}
