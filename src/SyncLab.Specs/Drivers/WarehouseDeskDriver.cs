namespace SyncLab.Specs.Drivers;

/// <summary>
/// The warehouse staff's desk, through ShipStation's API: what the warehouse holds of an item (on hand, every location
/// of every inventory warehouse; counted once, then compared, to see returned goods come back), and a shipment
/// cancelled by hand.
/// </summary>
public sealed class WarehouseDeskDriver(StagingConnection staging, WarehouseDriver warehouse)
{
    private readonly Dictionary<string, int> _counted = new(StringComparer.Ordinal);

    public async Task CountAsync(string sku) => _counted[sku] = await OnHandAsync(sku);

    /// <summary>Units on hand now beyond the count.</summary>
    public async Task<int> GainedSinceCountAsync(string sku) =>
        await OnHandAsync(sku) - (_counted.TryGetValue(sku, out var counted) ? counted : throw new InvalidOperationException($"the warehouse's stock of {sku} was not counted in this scenario"));

    /// <summary>The staff cancel the pending shipment of a web order themselves (not through the engine).</summary>
    public async Task CancelByHandAsync(string externalShipmentId)
    {
        var pending = (await warehouse.ShipmentsAsync(externalShipmentId)).Single(s => (string?)s["shipment_status"] == "pending");
        await ApiAsync(HttpMethod.Put, $"v2/shipments/{Uri.EscapeDataString((string)pending["shipment_id"]!)}/cancel");
    }

    private async Task<int> OnHandAsync(string sku)
    {
        var page = await ApiAsync(HttpMethod.Get, $"v2/inventory?sku={Uri.EscapeDataString(sku)}&group_by=warehouse");
        return page!["inventory"]!.AsArray().Sum(l => (int)l!["on_hand"]!);
    }

    private Task<System.Text.Json.Nodes.JsonNode?> ApiAsync(HttpMethod method, string path) =>
        staging.Http.SendOkAsync(method, new Uri(staging.Addresses["warehouse"], path), null, r => r.Headers.Add("api-key", "synclab-specs"));
}
