using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncLab.Engine.Catalog;

namespace SyncLab.Engine.Connectors.Square;

/// <summary>A Square location (a store).</summary>
public sealed record SquareLocation(string Id, string Name, string? Currency = null);

/// <summary>One Square inventory count: a catalog variation's quantity in one state at one location.</summary>
public sealed record SquareCount(string CatalogObjectId, string LocationId, string State, decimal Quantity, DateTimeOffset CalculatedAt);

/// <summary>
/// Square (the stores' POS): locations, the catalog's variations (SKU → id) and inventory counts, read as the
/// Square API does it — <c>BatchRetrieveInventoryCounts</c> by object, location, state and <c>updated_after</c>,
/// cursor-paged. Bearer token and <c>Square-Version</c> on every call; paced to <see cref="VendorLimits.Pos"/> when the
/// merchant set one; a 429 <c>RATE_LIMITED</c> (Square sends no Retry-After) is a transient failure the engine retries
/// with backoff.
/// </summary>
public sealed partial class SquareClient(HttpClient http, EngineOptions options, VendorPacers? pacers = null) : Pipeline.IEngineCache
{
    public const string SquareVersion = "2025-08-20";
    private const string System = "pos";
    private Dictionary<string, string>? _variationsBySku;
    private Dictionary<string, string>? _skusByVariation;

    /// <summary>An engine reset forgets the catalog it read.</summary>
    public void Forget()
    {
        _variationsBySku = null;
        _skusByVariation = null;
    }

    public async Task<IReadOnlyList<SquareLocation>> LocationsAsync(CancellationToken ct)
    {
        var answer = await SendAsync<LocationList>(HttpMethod.Get, "v2/locations", null, ct);
        return answer.Locations?.Select(l => new SquareLocation(l.Id, l.Name ?? l.Id, l.Currency)).ToList() ?? [];
    }

    /// <summary>The catalog variation id of a SKU (canonical, any case in Square); null when the till does not sell it.</summary>
    public async Task<string?> VariationIdAsync(string sku, CancellationToken ct)
    {
        var map = _variationsBySku ?? await LoadCatalogAsync(ct);
        if (map.TryGetValue(sku, out var id))
        {
            return id;
        }
        // A variation added since the catalog was read: read it again once.
        map = await LoadCatalogAsync(ct);
        return map.GetValueOrDefault(sku);
    }

    /// <summary>The canonical SKU of a catalog variation; null when unknown.</summary>
    public async Task<string?> SkuOfAsync(string variationId, CancellationToken ct)
    {
        if (_skusByVariation is null || !_skusByVariation.ContainsKey(variationId))
        {
            await LoadCatalogAsync(ct);
        }
        return _skusByVariation!.GetValueOrDefault(variationId);
    }

    /// <summary>
    /// IN_STOCK counts, every page: of the given variations (null: all) at the given locations, changed after
    /// <paramref name="updatedAfter"/> (null: all).
    /// </summary>
    public async Task<IReadOnlyList<SquareCount>> InStockCountsAsync(
        IReadOnlyCollection<string>? variationIds, IReadOnlyCollection<string> locationIds, DateTimeOffset? updatedAfter, CancellationToken ct)
    {
        var counts = new List<SquareCount>();
        string? cursor = null;
        do
        {
            var body = new Dictionary<string, object?>
            {
                ["location_ids"] = locationIds,
                ["states"] = new[] { "IN_STOCK" },
                ["limit"] = 1000,
            };
            if (variationIds is not null)
            {
                body["catalog_object_ids"] = variationIds;
            }
            if (updatedAfter is { } after)
            {
                body["updated_after"] = after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }
            if (cursor is not null)
            {
                body["cursor"] = cursor;
            }
            var page = await SendAsync<CountPage>(HttpMethod.Post, "v2/inventory/counts/batch-retrieve", body, ct);
            counts.AddRange(page.Counts?.Select(c => new SquareCount(
                c.CatalogObjectId, c.LocationId, c.State,
                decimal.Parse(c.Quantity ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
                c.CalculatedAt ?? DateTimeOffset.MinValue)) ?? []);
            cursor = page.Cursor;
        }
        while (!string.IsNullOrEmpty(cursor));
        return counts;
    }

    private async Task<Dictionary<string, string>> LoadCatalogAsync(CancellationToken ct)
    {
        var bySku = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var path = "v2/catalog/list?types=ITEM_VARIATION" + (cursor is null ? string.Empty : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await SendAsync<CatalogPage>(HttpMethod.Get, path, null, ct);
            foreach (var o in page.Objects ?? [])
            {
                if (o.Type == "ITEM_VARIATION" && o.ItemVariationData?.Sku is { Length: > 0 } raw)
                {
                    // SKUs drift in case and spaces between systems: the engine's key is the canonical one.
                    var sku = SkuRules.Canonical(raw);
                    bySku.TryAdd(sku, o.Id);
                    byId[o.Id] = sku;
                }
            }
            cursor = page.Cursor;
        }
        while (!string.IsNullOrEmpty(cursor));
        _skusByVariation = byId;
        _variationsBySku = bySku;
        return bySku;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        var baseUrl = options.PosBaseUrl ?? throw new VendorCallException(System, "no POS configured", transient: false);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.PosAccessToken);
        request.Headers.Add("Square-Version", SquareVersion);
        using var response = await http.SendOkAsync(System, request, pacers?.Pos, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new VendorCallException(System, $"empty answer from {path}", transient: true);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record LocationList(List<LocationEntry>? Locations);

    private sealed record LocationEntry(string Id, string? Name, string? Currency);

    private sealed record CatalogPage(List<CatalogEntry>? Objects, string? Cursor);

    private sealed record CatalogEntry(string Type, string Id, VariationData? ItemVariationData);

    private sealed record VariationData(string? Sku);

    private sealed record CountPage(List<CountEntry>? Counts, string? Cursor);

    private sealed record CountEntry(string CatalogObjectId, string LocationId, string State, string? Quantity, DateTimeOffset? CalculatedAt);
}
