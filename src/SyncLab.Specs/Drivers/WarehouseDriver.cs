using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// The warehouse (ShipStation v2): read through its API as the engine does, and worked as the warehouse staff
/// would — receiving goods, buying labels (which ships a parcel), shipping part of a shipment, keying a shipment in by hand.
/// </summary>
public sealed class WarehouseDriver(StagingConnection staging, EngineDriver engine)
{
    private long _ledgerMark;

    private Uri Warehouse => staging.Addresses["warehouse"];

    /// <summary>The engine subscribes to ShipStation's <c>track</c> event (a label bought, a carrier scan) at its own address.</summary>
    public async Task SubscribeTheEngineAsync()
    {
        var effects = await LedgerEffectsAsync();
        _ledgerMark = effects.Count == 0 ? _ledgerMark : effects[^1].Sequence;
        await staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Engine, "engine/webhooks/shipstation/subscriptions"), new { address = staging.Engine.ToString() });
    }

    /// <summary>Webhook chaos on the warehouse: every delivery lost.</summary>
    public Task LoseEveryWebhookAsync() =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(Warehouse, "_synclab/webhook-chaos"), new { dropRate = 1.0, duplicateRate = 0.0, seed = 7 });

    /// <summary>
    /// Waits until the warehouse has delivered (or lost) its next <c>track</c> webhook since the last one waited for, as
    /// its ledger says, then until the engine has done what it set off; the business clock stays where it is, so no poll
    /// falls due meanwhile.
    /// </summary>
    public async Task AwaitTrackWebhookAsync()
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var effects = await LedgerEffectsAsync();
            var sent = effects.FirstOrDefault(e => e.Summary.StartsWith("webhook track #", StringComparison.Ordinal) && e.Summary.Contains(" delivered to ", StringComparison.Ordinal)
                || e.Summary.StartsWith("chaos: webhook track #", StringComparison.Ordinal) && e.Summary.EndsWith(" dropped", StringComparison.Ordinal));
            if (sent.Summary is not null)
            {
                _ledgerMark = sent.Sequence;
                break;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, patience.Token);
        }
        await engine.AwaitQuiescenceAsync();
    }

    private async Task<IReadOnlyList<(long Sequence, string Summary)>> LedgerEffectsAsync()
    {
        var entries = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(Warehouse, $"_synclab/ledger?after={_ledgerMark}&limit=10000"));
        return entries!.AsArray().Where(e => (string?)e!["kind"] == "effect").Select(e => ((long)e!["sequence"]!, (string)e["summary"]!)).ToList();
    }

    /// <summary>Every shipment carrying the engine's reference for a web order (SHOPIFY-…).</summary>
    public async Task<IReadOnlyList<JsonNode>> ShipmentsAsync(string externalShipmentId)
    {
        var page = await ApiAsync(HttpMethod.Get, $"v2/shipments?external_shipment_id={Uri.EscapeDataString(externalShipmentId)}&page_size=100");
        return page!["shipments"]!.AsArray().Select(s => s!).ToList();
    }

    /// <summary>Buys the label of a pending shipment, so it ships; returns the tracking number.</summary>
    public async Task<string> BuyLabelAsync(string shipmentId) =>
        (string)(await ApiAsync(HttpMethod.Post, $"v2/labels/shipment/{Uri.EscapeDataString(shipmentId)}"))!["tracking_number"]!;

    /// <summary>
    /// The warehouse ships what it has of a pending shipment as one parcel: the units named are split off (as
    /// ShipStation's Split Ship does) and leave with the carrier the shopper knows as <paramref name="carrier"/>
    /// (UPS, FedEx, USPS); the rest stays pending. Returns the parcel's tracking number.
    /// </summary>
    public async Task<string> ShipParcelAsync(string shipmentId, string carrier, params (string Sku, int Quantity)[] items)
    {
        var parcel = await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Warehouse, $"_synclab/warehouse/shipments/{Uri.EscapeDataString(shipmentId)}/parcels"),
            new { carrierCode = CarrierCode(carrier), items = items.Select(i => new { sku = i.Sku, quantity = i.Quantity }).ToList() });
        return (string)parcel!["trackingNumber"]!;
    }

    /// <summary>The ShipStation carrier code of the warehouse's carrier accounts, by the name shoppers know the carrier by.</summary>
    private static string CarrierCode(string carrier) => carrier switch
    {
        "UPS" => "ups",
        "FedEx" => "fedex",
        "USPS" => "stamps_com",
        _ => throw new ArgumentException($"the warehouse has no carrier account for {carrier}", nameof(carrier)),
    };

    /// <summary>Keys a copy of a shipment in by hand (same order reference, same lines); returns its id.</summary>
    public async Task<string> KeyInCopyAsync(JsonNode shipment)
    {
        var copy = new JsonObject
        {
            ["warehouse_id"] = (string)shipment["warehouse_id"]!,
            ["external_shipment_id"] = (string)shipment["external_shipment_id"]!,
            ["external_order_id"] = (string)shipment["external_order_id"]!,
            ["ship_to"] = shipment["ship_to"]!.DeepClone(),
            ["items"] = new JsonArray(shipment["items"]!.AsArray().Select(i => (JsonNode)new JsonObject { ["sku"] = (string)i!["sku"]!, ["quantity"] = (int)i["quantity"]! }).ToArray()),
        };
        var created = await ApiAsync(HttpMethod.Post, "v2/shipments", new JsonObject { ["shipments"] = new JsonArray(copy) });
        return (string)created!["shipments"]![0]!["shipment_id"]!;
    }

    /// <summary>Goods arrive at the (default) warehouse's dock and are put away.</summary>
    public Task ReceiveAsync(string sku, int quantity) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(Warehouse, "_synclab/warehouse/receipts"),
            new { warehouseCode = staging.Estate.Locations.First(l => l.Kind == Estate.LocationKind.Warehouse).Code, sku, quantity, reference = "scenario stock" });

    /// <summary>Makes a system's vendor API fail (a fault on its mirror: error or throttle) until <see cref="RestoreAsync"/>.</summary>
    public static Task FailAsync(StagingConnection staging, string system, object fault) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Addresses[system], "_synclab/faults"), fault);

    public static Task RestoreAsync(StagingConnection staging, string system) =>
        staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(staging.Addresses[system], "_synclab/faults"));

    private Task<JsonNode?> ApiAsync(HttpMethod method, string path, object? body = null) =>
        staging.Http.SendOkAsync(method, new Uri(Warehouse, path), body, r => r.Headers.Add("api-key", "synclab-specs"));
}
