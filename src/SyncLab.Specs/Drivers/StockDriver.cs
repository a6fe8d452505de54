using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using SyncLab.Estate;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// Stock where it really is: the warehouse (ShipStation: counts, picks, receipts) and the stores (Square: counts,
/// till sales), and the engine's inventory settings the office keeps (source, stores offered to the web, safety
/// stock, the annual stocktake). Settings a scenario changes are put back after it (<see cref="RestoreAsync"/>).
/// </summary>
public sealed class StockDriver(StagingConnection staging, EngineDriver engine)
{
    private JsonNode? _original;
    private bool _stocktake;

    private Uri Warehouse => staging.Addresses["warehouse"];

    private Uri Pos => staging.Addresses["pos"];

    private Location WarehouseLocation => staging.Estate.Locations.First(l => l.Kind == LocationKind.Warehouse);

    /// <summary>The name the warehouse system gives the estate's (first) warehouse.</summary>
    public string WarehouseName => WarehouseLocation.Name;

    /// <summary>Changes the engine's inventory settings (remembering the first ones, to put back); they apply from the next poll.</summary>
    public async Task ChangeSettingsAsync(Action<JsonObject> change)
    {
        var current = (await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/inventory/settings")))!.AsObject();
        _original ??= current.DeepClone();
        var next = new JsonObject
        {
            ["source"] = current["source"]!.DeepClone(),
            ["locations"] = current["locations"]!.DeepClone(),
            ["safetyStock"] = current["safetyStock"]!.DeepClone(),
            ["storesSellingWebStock"] = current["storesSellingWebStock"]?.DeepClone() ?? new JsonArray(),
        };
        change(next);
        await staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Engine, "engine/inventory/settings"), next);
    }

    public Task FromWarehouseAndStoresAsync() => ChangeSettingsAsync(s =>
    {
        s["source"] = "wms+pos";
        s["locations"] = new JsonArray(new JsonObject { ["storefrontLocation"] = null, ["warehouses"] = new JsonArray(), ["stores"] = new JsonArray() });
        s["safetyStock"] = new JsonObject { ["default"] = 0, ["byCategory"] = new JsonObject(), ["bySku"] = new JsonObject() };
    });

    /// <summary>Exactly these stores offer their stock to the web (on the web location).</summary>
    public Task OfferStoresAsync(IEnumerable<string> stores) => ChangeSettingsAsync(s =>
        s["locations"]![0]!["stores"] = new JsonArray(stores.Select(n => (JsonNode)n).ToArray()));

    /// <summary>Exactly these stores sell the web's stock: their count follows the storefront's available quantity.</summary>
    public Task SellWebStockAtAsync(IEnumerable<string> stores) => ChangeSettingsAsync(s =>
        s["storesSellingWebStock"] = new JsonArray(stores.Select(n => (JsonNode)n).ToArray()));

    public Task SetWarehousesAsync(IEnumerable<string> warehouses) => ChangeSettingsAsync(s =>
        s["locations"]![0]!["warehouses"] = new JsonArray(warehouses.Select(n => (JsonNode)n).ToArray()));

    public async Task<IReadOnlyList<string>> OfferedStoresAsync()
    {
        var current = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Engine, "engine/inventory/settings"));
        return current!["locations"]![0]!["stores"]!.AsArray().Select(n => (string)n!).ToList();
    }

    /// <summary>Safety stock: every item's default, a category's, an item's own (null leaves one unset).</summary>
    public Task SafetyStockAsync(int? every, (string Category, int Units)? category, (string Sku, int Units)? own) => ChangeSettingsAsync(s =>
    {
        var byCategory = new JsonObject();
        if (category is { } c)
        {
            byCategory[c.Category] = c.Units;
        }
        var bySku = new JsonObject();
        if (own is { } o)
        {
            bySku[o.Sku] = o.Units;
        }
        s["safetyStock"] = new JsonObject { ["default"] = every ?? 0, ["byCategory"] = byCategory, ["bySku"] = bySku };
    });

    /// <summary>Puts back the inventory settings the scenario found (a shared staging's engine serves others too).</summary>
    public async Task RestoreAsync()
    {
        if (_original is null)
        {
            return;
        }
        if (_stocktake)
        {
            _stocktake = false;
            // Best effort: the scenario may have ended it already.
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(staging.Engine, $"engine/inventory/stocktakes/{Uri.EscapeDataString(WarehouseName)}"));
            using var response = await staging.Http.SendAsync(request);
        }
        var original = _original.AsObject();
        _original = null;
        await staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Engine, "engine/inventory/settings"), new JsonObject
        {
            ["source"] = original["source"]!.DeepClone(),
            ["locations"] = original["locations"]!.DeepClone(),
            ["safetyStock"] = original["safetyStock"]!.DeepClone(),
            ["storesSellingWebStock"] = original["storesSellingWebStock"]?.DeepClone() ?? new JsonArray(),
        });
    }

    public async Task StartStocktakeAsync()
    {
        await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Engine, "engine/inventory/stocktakes"), new { warehouse = WarehouseName });
        _stocktake = true;
    }

    public async Task FinishStocktakeAsync()
    {
        await staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(staging.Engine, $"engine/inventory/stocktakes/{Uri.EscapeDataString(WarehouseName)}"));
        _stocktake = false;
        await engine.AwaitQuiescenceAsync();
    }

    /// <summary>The warehouse counts the shelf: on hand becomes <paramref name="quantity"/> (a ShipStation "adjust").</summary>
    public Task CountInWarehouseAsync(string sku, int quantity) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Warehouse, "_synclab/warehouse/stock-counts"),
            new { warehouseCode = WarehouseLocation.Code, sku, countedQuantity = quantity, reference = "scenario count" });

    public Task ReceiveAsync(string sku, int quantity) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Warehouse, "_synclab/warehouse/receipts"),
            new { warehouseCode = WarehouseLocation.Code, sku, quantity, reference = "scenario receipt" });

    /// <summary>A pick the warehouse books by hand (a ShipStation "decrement").</summary>
    public async Task PickAsync(string sku, int quantity)
    {
        var locations = await WarehouseApiAsync(HttpMethod.Get, "v2/inventory_locations");
        var location = (string)locations!["inventory_locations"]![0]!["inventory_location_id"]!;
        await WarehouseApiAsync(HttpMethod.Post, "v2/inventory", new { transaction_type = "decrement", sku, inventory_location_id = location, quantity, reason = "pick" });
    }

    /// <summary>The store counts its shelf: Square's IN_STOCK count becomes <paramref name="quantity"/> (a PHYSICAL_COUNT).</summary>
    public async Task CountInStoreAsync(string store, string sku, int quantity)
    {
        var variation = await VariationIdAsync(sku);
        var location = await StoreIdAsync(store);
        var change = new JsonObject
        {
            ["type"] = "PHYSICAL_COUNT",
            ["physical_count"] = new JsonObject
            {
                ["catalog_object_id"] = variation,
                ["location_id"] = location,
                ["state"] = "IN_STOCK",
                ["quantity"] = quantity.ToString(CultureInfo.InvariantCulture),
            },
        };
        await PosApiAsync(HttpMethod.Post, "v2/inventory/changes/batch-create", new JsonObject
        {
            ["idempotency_key"] = Guid.NewGuid().ToString("N"),
            ["changes"] = new JsonArray(change),
            ["ignore_unchanged_counts"] = false,
        });
    }

    /// <summary>A customer buys at the store's till (a paid Square order: IN_STOCK → SOLD).</summary>
    public Task StoreSellsAsync(string store, string sku, int quantity) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Pos, "_synclab/pos/sales"), new { locationCode = StoreCode(store), sku, quantity, reference = $"scenario {staging.RunToken}" });

    /// <summary>Places a web order; null when the storefront refuses it (not enough stock).</summary>
    public async Task<JsonNode?> TryPlaceOrderAsync(string email, string sku, int quantity)
    {
        using var response = await staging.Http.PostAsync(
            new Uri(staging.Storefront, "_synclab/storefront/orders"),
            System.Net.Http.Json.JsonContent.Create(new { email, firstName = "Scenario", lastName = "Shopper", lines = new[] { new { sku, quantity } } }));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"placing a web order answered {(int)response.StatusCode}: {text}");
        }
        return JsonNode.Parse(text);
    }

    /// <summary>Pending or shipped warehouse shipments carrying the engine's reference for a web order.</summary>
    public async Task<int> ShipmentsForAsync(string externalShipmentId)
    {
        var page = await WarehouseApiAsync(HttpMethod.Get, $"v2/shipments?external_shipment_id={Uri.EscapeDataString(externalShipmentId)}&page_size=100");
        return page!["shipments"]!.AsArray().Count(s => (string?)s!["shipment_status"] != "cancelled");
    }

    /// <summary>The store's IN_STOCK count of a SKU (negative when the till sold what the books did not hold).</summary>
    public async Task<int> StoreInStockAsync(string store, string sku)
    {
        var counts = await PosApiAsync(HttpMethod.Post, "v2/inventory/counts/batch-retrieve", new JsonObject
        {
            ["catalog_object_ids"] = new JsonArray(await VariationIdAsync(sku)),
            ["location_ids"] = new JsonArray(await StoreIdAsync(store)),
            ["states"] = new JsonArray("IN_STOCK"),
        });
        return counts?["counts"]?.AsArray().Sum(c => (int)decimal.Parse((string)c!["quantity"]!, CultureInfo.InvariantCulture)) ?? 0;
    }

    /// <summary>
    /// Lets business time run poll by poll until the engine applies nothing more for two polls in a row (retries
    /// waiting out a vendor's rate limit included); a dozen polls at most, then it is stuck and the scenario says so.
    /// Work due on later dates (a price list starting next year) does not count.
    /// </summary>
    public async Task SettleAsync()
    {
        var quiet = 0;
        var before = await WorkedAsync();
        for (var poll = 0; poll < 12; poll++)
        {
            await engine.RunNextPollAsync();
            var after = await WorkedAsync();
            quiet = after == before ? quiet + 1 : 0;
            if (quiet == 2)
            {
                return;
            }
            before = after;
        }
        throw new InvalidOperationException($"the engine was still working after 12 polls: {(await engine.StatusAsync()).ToJsonString()}");
    }

    private async Task<int> WorkedAsync()
    {
        var status = await engine.StatusAsync();
        return (int)status["done"]! + (int)status["failed"]! + (int)status["deadLettered"]!;
    }

    /// <summary>Makes the POS fail (a fault on its mirror) until <see cref="PosRecoversAsync"/>.</summary>
    public Task PosFailsAsync(object fault) => staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Pos, "_synclab/faults"), fault);

    public Task PosRecoversAsync() => staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(Pos, "_synclab/faults"));

    private string StoreCode(string store) =>
        staging.Estate.Locations.FirstOrDefault(l => l.Kind == LocationKind.Store && string.Equals(l.Name, store, StringComparison.OrdinalIgnoreCase))?.Code
        ?? throw new InvalidOperationException($"the estate has no store named '{store}'");

    private async Task<string> VariationIdAsync(string sku)
    {
        var found = await PosApiAsync(HttpMethod.Post, "v2/catalog/search", new JsonObject
        {
            ["object_types"] = new JsonArray("ITEM_VARIATION"),
            ["query"] = new JsonObject { ["exact_query"] = new JsonObject { ["attribute_name"] = "sku", ["attribute_value"] = sku } },
        });
        return (string?)found?["objects"]?[0]?["id"] ?? throw new InvalidOperationException($"the POS does not sell {sku}");
    }

    private async Task<string> StoreIdAsync(string store)
    {
        var locations = await PosApiAsync(HttpMethod.Get, "v2/locations");
        return (string?)locations!["locations"]!.AsArray().FirstOrDefault(l => string.Equals((string?)l!["name"], store, StringComparison.OrdinalIgnoreCase))?["id"]
            ?? throw new InvalidOperationException($"the POS has no location named '{store}'");
    }

    private Task<JsonNode?> WarehouseApiAsync(HttpMethod method, string path, object? body = null) =>
        staging.Http.SendOkAsync(method, new Uri(Warehouse, path), body, r => r.Headers.Add("api-key", "synclab-specs"));

    private Task<JsonNode?> PosApiAsync(HttpMethod method, string path, object? body = null) =>
        staging.Http.SendOkAsync(method, new Uri(Pos, path), body, r => r.Headers.Add("Authorization", "Bearer synclab-specs"));
}
