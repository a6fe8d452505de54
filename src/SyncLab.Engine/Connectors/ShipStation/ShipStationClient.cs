using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.ShipStation;

/// <summary>
/// ShipStation API v2 (the warehouse): shipments to pick and ship, the labels bought for them. Authenticated by
/// the <c>api-key</c> header; 429 carries Retry-After, which the engine's retries honour.
/// </summary>
public sealed partial class ShipStationClient(HttpClient http, EngineOptions options, VendorPacers? pacers = null)
{
    private const string System = "warehouse";
    private readonly RequestPacer? _pacer = pacers?.Warehouse;
    private const int PageSize = 100;
    private string? _warehouseId;

    /// <summary>The warehouse web orders ship from: the one named in the options, else the default, else the first.</summary>
    public async Task<string> WarehouseIdAsync(CancellationToken ct)
    {
        if (_warehouseId is { } known)
        {
            return known;
        }
        var list = await SendAsync<WarehouseList>(HttpMethod.Get, "v2/warehouses", null, ct);
        var warehouse = options.Warehouse is { } name
            ? list.Warehouses.FirstOrDefault(w => string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
            : list.Warehouses.FirstOrDefault(w => w.IsDefault) ?? list.Warehouses.FirstOrDefault();
        _warehouseId = warehouse?.WarehouseId ?? throw new VendorCallException(System, $"warehouse '{options.Warehouse ?? "(default)"}' not found", transient: false);
        return _warehouseId;
    }

    /// <summary>Every shipment carrying <paramref name="externalShipmentId"/> (the engine's own reference), oldest first.</summary>
    public async Task<IReadOnlyList<ShipStationShipment>> ShipmentsByExternalIdAsync(string externalShipmentId, CancellationToken ct)
    {
        var page = await SendAsync<ShipmentList>(HttpMethod.Get, $"v2/shipments?external_shipment_id={Uri.EscapeDataString(externalShipmentId)}&page_size={PageSize}", null, ct);
        return page.Shipments;
    }

    /// <summary>
    /// Every shipment of one order, its own first: the one carrying <paramref name="externalShipmentId"/> and those the
    /// warehouse split off it (they keep the order's <c>shipment_number</c> and <c>external_order_id</c>, not the
    /// external shipment id, which ShipStation keeps unique).
    /// </summary>
    public async Task<IReadOnlyList<ShipStationShipment>> ShipmentsOfOrderAsync(string externalShipmentId, string shipmentNumber, string externalOrderId, CancellationToken ct)
    {
        var own = await ShipmentsByExternalIdAsync(externalShipmentId, ct);
        var numbered = await SendAsync<ShipmentList>(HttpMethod.Get, $"v2/shipments?shipment_number={Uri.EscapeDataString(shipmentNumber)}&page_size={PageSize}", null, ct);
        return own.Concat(numbered.Shipments.Where(s => s.ExternalOrderId == externalOrderId))
            .DistinctBy(s => s.ShipmentId)
            .ToList();
    }

    public async Task<ShipStationShipment> CreateShipmentAsync(ShipStationNewShipment shipment, CancellationToken ct)
    {
        var answer = await SendAsync<CreateShipmentsAnswer>(HttpMethod.Post, "v2/shipments", new { shipments = new[] { shipment } }, ct);
        return answer.Shipments.Single();
    }

    public async Task CancelShipmentAsync(string shipmentId, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Put, $"v2/shipments/{Uri.EscapeDataString(shipmentId)}/cancel", null);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
    }

    /// <summary>Shipments in <paramref name="status"/> modified at or after <paramref name="since"/>, oldest change first, every page.</summary>
    public async IAsyncEnumerable<ShipStationShipment> ShipmentsModifiedSinceAsync(
        DateTimeOffset since, string status, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var from = Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        for (var page = 1; ; page++)
        {
            var list = await SendAsync<ShipmentList>(HttpMethod.Get,
                $"v2/shipments?shipment_status={status}&modified_at_start={from}&sort_by=modified_at&sort_dir=asc&page_size={PageSize}&page={page}", null, ct);
            foreach (var shipment in list.Shipments)
            {
                yield return shipment;
            }
            if (page >= list.Pages)
            {
                yield break;
            }
        }
    }

    /// <summary>The label bought for a shipment (not voided): its tracking number and carrier; null if none.</summary>
    public async Task<ShipStationLabel?> LabelAsync(string shipmentId, CancellationToken ct)
    {
        var list = await SendAsync<LabelList>(HttpMethod.Get, $"v2/labels?shipment_id={Uri.EscapeDataString(shipmentId)}", null, ct);
        return list.Labels.FirstOrDefault(l => !l.Voided);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, new Uri(options.WarehouseBaseUrl!, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        request.Headers.Add("api-key", options.WarehouseApiKey);
        return request;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = Request(method, path, body);
        using var response = await http.SendOkAsync(System, request, _pacer, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new VendorCallException(System, $"empty answer from {path}", transient: true);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record WarehouseList([property: JsonPropertyName("warehouses")] List<WarehouseEntry> Warehouses);

    private sealed record WarehouseEntry(
        [property: JsonPropertyName("warehouse_id")] string WarehouseId,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("is_default")] bool IsDefault);

    private sealed record ShipmentList(
        [property: JsonPropertyName("shipments")] List<ShipStationShipment> Shipments,
        [property: JsonPropertyName("pages")] int Pages);

    private sealed record CreateShipmentsAnswer([property: JsonPropertyName("shipments")] List<ShipStationShipment> Shipments);

    private sealed record LabelList([property: JsonPropertyName("labels")] List<ShipStationLabel> Labels);
}
