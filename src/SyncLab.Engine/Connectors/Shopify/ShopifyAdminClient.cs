using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Connectors.Shopify;

public sealed record ShopifyVariant(string VariantId, string ProductId, string InventoryItemId, string Sku, decimal Price, decimal? CompareAtPrice, string ProductStatus)
{
    public IReadOnlyList<string> Tags { get; init; } = [];

    public string Vendor { get; init; } = string.Empty;

    /// <summary>DENY or CONTINUE (sell when out of stock).</summary>
    public string InventoryPolicy { get; init; } = "DENY";
}

/// <summary>A product to create with its one variant (productSet), quantities at the web location.</summary>
public sealed record ShopifyNewProduct(
    string Title, string? Handle, string Status, string Vendor, string ProductType, string DescriptionHtml, IReadOnlyList<string> Tags,
    string Sku, string? Barcode, decimal Price, decimal? CompareAtPrice, string InventoryPolicy, string LocationId, int Available);

public sealed record ShopifyLocation(string Id, string Name);

/// <summary>
/// Shopify Admin GraphQL API. Every query waits for the shop's cost bucket first (<see cref="ShopifyCostPacer"/>, shared by
/// all callers), so the engine stays under the limit rather than bouncing off it. A THROTTLED answer (HTTP 200 with a
/// THROTTLED error) still comes when the projection was wrong: it is a transient failure whose wait is what the bucket
/// needs to refill.
/// </summary>
public sealed class ShopifyAdminClient(
    HttpClient http, EngineOptions options, VariantLookahead lookahead, ShopifyCostPacer? pacer = null, Telemetry.EngineTelemetry? telemetry = null)
{
    private const string System = "storefront";

    private const string VariantFields = "id sku price compareAtPrice inventoryPolicy product { id status tags vendor } inventoryItem { id }";

    /// <summary>SKUs read in one search; a search of 50 SKUs asks for at most 100 variants (duplicates included), well within a query's cost.</summary>
    public const int LookaheadChunk = 50;

    public async Task<ShopifyVariant?> FindVariantBySkuAsync(string sku, CancellationToken ct)
    {
        const string query = $$"""
            query VariantBySku($q: String!) {
              productVariants(first: 2, query: $q) { edges { node { {{VariantFields}} } } }
            }
            """;
        var data = await SendAsync(query, new JsonObject { ["q"] = $"sku:{sku}" }, ct);
        return VariantsBySku(data).GetValueOrDefault(sku);
    }

    /// <summary>
    /// The variants of up to <see cref="LookaheadChunk"/> SKUs in one search (<c>sku:"A" OR sku:"B"</c>); a SKU the
    /// storefront does not list is absent. Matching is exact, as for one SKU: the search itself ignores case.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ShopifyVariant>> FindVariantsBySkusAsync(IReadOnlyCollection<string> skus, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(skus.Count, LookaheadChunk);
        const string query = $$"""
            query VariantsBySku($q: String!, $first: Int!) {
              productVariants(first: $first, query: $q) { edges { node { {{VariantFields}} } } }
            }
            """;
        var search = string.Join(" OR ", skus.Select(s => $"sku:\"{s.Replace("\"", "\\\"", StringComparison.Ordinal)}\""));
        var data = await SendAsync(query, new JsonObject { ["q"] = search, ["first"] = skus.Count * 2 }, ct);
        return VariantsBySku(data);
    }

    /// <summary>The first variant per exact SKU in a productVariants answer.</summary>
    private static Dictionary<string, ShopifyVariant> VariantsBySku(JsonNode data)
    {
        var found = new Dictionary<string, ShopifyVariant>(StringComparer.Ordinal);
        foreach (var n in data["productVariants"]?["edges"]?.AsArray().Select(e => e!["node"]!) ?? [])
        {
            var sku = (string?)n["sku"];
            if (sku is null || found.ContainsKey(sku))
            {
                continue;
            }
            found[sku] = ParseVariant(n);
        }
        return found;
    }

    /// <summary>A variant node with <c>id sku price compareAtPrice inventoryPolicy product { id status tags vendor } inventoryItem { id }</c>.</summary>
    internal static ShopifyVariant ParseVariant(JsonNode n) =>
        new(
            (string)n["id"]!,
            (string)n["product"]!["id"]!,
            (string)n["inventoryItem"]!["id"]!,
            (string?)n["sku"] ?? string.Empty,
            ParseMoney(n["price"]) ?? 0m,
            ParseMoney(n["compareAtPrice"]),
            (string?)n["product"]!["status"] ?? "ACTIVE")
        {
            Tags = n["product"]!["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [],
            Vendor = (string?)n["product"]!["vendor"] ?? string.Empty,
            InventoryPolicy = (string?)n["inventoryPolicy"] ?? "DENY",
        };

    /// <summary>Creates the product with its variant, SKU, prices, policy and stock in one call (productSet), so no product is ever left without its SKU.</summary>
    public async Task<ShopifyVariant> CreateProductAsync(ShopifyNewProduct product, CancellationToken ct)
    {
        lookahead.ForgetSku(product.Sku);
        const string mutation = """
            mutation CreateProduct($input: ProductSetInput!) {
              productSet(input: $input, synchronous: true) {
                product { id variants(first: 1) { edges { node { id inventoryItem { id } } } } }
                userErrors { code field message }
              }
            }
            """;
        var variant = new JsonObject
        {
            ["optionValues"] = new JsonArray(new JsonObject { ["optionName"] = "Title", ["name"] = "Default Title" }),
            ["sku"] = product.Sku,
            ["barcode"] = product.Barcode,
            ["price"] = Money(product.Price),
            ["compareAtPrice"] = product.CompareAtPrice is { } c ? Money(c) : null,
            ["inventoryPolicy"] = product.InventoryPolicy,
            ["inventoryQuantities"] = new JsonArray(new JsonObject { ["locationId"] = product.LocationId, ["name"] = "available", ["quantity"] = product.Available }),
        };
        var input = new JsonObject
        {
            ["title"] = product.Title,
            ["status"] = product.Status,
            ["vendor"] = product.Vendor,
            ["productType"] = product.ProductType,
            ["descriptionHtml"] = product.DescriptionHtml,
            ["tags"] = new JsonArray([.. product.Tags.Select(t => (JsonNode?)t)]),
            ["productOptions"] = new JsonArray(new JsonObject { ["name"] = "Title", ["values"] = new JsonArray(new JsonObject { ["name"] = "Default Title" }) }),
            ["variants"] = new JsonArray(variant),
        };
        if (product.Handle is not null)
        {
            input["handle"] = product.Handle;
        }
        var data = await SendAsync(mutation, new JsonObject { ["input"] = input }, ct);
        ThrowOnUserErrors(data["productSet"]);
        var created = data["productSet"]!["product"]!;
        var node = created["variants"]!["edges"]!.AsArray()[0]!["node"]!;
        return new ShopifyVariant((string)node["id"]!, (string)created["id"]!, (string)node["inventoryItem"]!["id"]!, product.Sku, product.Price, product.CompareAtPrice, product.Status)
        {
            Tags = product.Tags,
            Vendor = product.Vendor,
            InventoryPolicy = product.InventoryPolicy,
        };
    }

    /// <summary>Sets a product's status, tags and vendor (productUpdate); null leaves a field as it is.</summary>
    public async Task UpdateProductAsync(string productId, string? status, IReadOnlyList<string>? tags, string? vendor, CancellationToken ct)
    {
        lookahead.ForgetProduct(productId);
        const string mutation = """
            mutation UpdateProduct($product: ProductUpdateInput!) {
              productUpdate(product: $product) { product { id } userErrors { field message } }
            }
            """;
        var input = new JsonObject { ["id"] = productId };
        if (status is not null)
        {
            input["status"] = status;
        }
        if (tags is not null)
        {
            input["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t)]);
        }
        if (vendor is not null)
        {
            input["vendor"] = vendor;
        }
        var data = await SendAsync(mutation, new JsonObject { ["product"] = input }, ct);
        ThrowOnUserErrors(data["productUpdate"]);
    }

    public async Task SetInventoryPolicyAsync(ShopifyVariant variant, string policy, CancellationToken ct)
    {
        lookahead.ForgetSku(variant.Sku);
        const string mutation = """
            mutation SetPolicy($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id } userErrors { field message } }
            }
            """;
        var input = new JsonObject { ["id"] = variant.VariantId, ["inventoryPolicy"] = policy };
        var data = await SendAsync(mutation, new JsonObject { ["productId"] = variant.ProductId, ["variants"] = new JsonArray(input) }, ct);
        ThrowOnUserErrors(data["productVariantsBulkUpdate"]);
    }

    public async Task<IReadOnlyList<ShopifyLocation>> LocationsAsync(CancellationToken ct)
    {
        const string query = "query { locations(first: 50) { edges { node { id name } } } }";
        var data = await SendAsync(query, [], ct);
        return data["locations"]?["edges"]?.AsArray().Select(e => new ShopifyLocation((string)e!["node"]!["id"]!, (string)e["node"]!["name"]!)).ToList() ?? [];
    }

    public async Task SetPriceAsync(ShopifyVariant variant, decimal price, decimal? compareAtPrice, CancellationToken ct)
    {
        lookahead.ForgetSku(variant.Sku);
        const string mutation = """
            mutation SetPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
              productVariantsBulkUpdate(productId: $productId, variants: $variants) {
                productVariants { id price }
                userErrors { field message }
              }
            }
            """;
        var input = new JsonObject
        {
            ["id"] = variant.VariantId,
            ["price"] = Money(price),
            ["compareAtPrice"] = compareAtPrice is { } c ? Money(c) : null,
        };
        var data = await SendAsync(mutation, new JsonObject { ["productId"] = variant.ProductId, ["variants"] = new JsonArray(input) }, ct);
        ThrowOnUserErrors(data["productVariantsBulkUpdate"]);
    }

    /// <summary>The quantity available at a location; null when the item is not stocked there.</summary>
    public async Task<int?> AvailableAsync(string inventoryItemId, string locationId, CancellationToken ct)
    {
        const string query = """
            query Available($id: ID!, $locationId: ID!) {
              inventoryItem(id: $id) { inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { quantity } } }
            }
            """;
        var data = await SendAsync(query, new JsonObject { ["id"] = inventoryItemId, ["locationId"] = locationId }, ct);
        var quantities = data["inventoryItem"]?["inventoryLevel"]?["quantities"]?.AsArray();
        return quantities is { Count: > 0 } ? (int?)quantities[0]!["quantity"] : null;
    }

    public Task SetAvailableAsync(string inventoryItemId, string locationId, int quantity, CancellationToken ct) =>
        SetAvailableAsync(inventoryItemId, locationId, quantity, null, ct);

    /// <summary>
    /// Sets the available quantity at a location. With <paramref name="compareQuantity"/>, only if it still is that
    /// (Shopify's compare-and-set): a stale compare is a transient failure, so the caller plans again from fresh numbers.
    /// </summary>
    public async Task SetAvailableAsync(string inventoryItemId, string locationId, int quantity, int? compareQuantity, CancellationToken ct)
    {
        const string mutation = """
            mutation SetAvailable($input: InventorySetQuantitiesInput!) {
              inventorySetQuantities(input: $input) {
                inventoryAdjustmentGroup { createdAt }
                userErrors { code field message }
              }
            }
            """;
        var change = new JsonObject
        {
            ["inventoryItemId"] = inventoryItemId,
            ["locationId"] = locationId,
            ["quantity"] = quantity,
        };
        if (compareQuantity is { } expected)
        {
            change["compareQuantity"] = expected;
        }
        var input = new JsonObject
        {
            ["name"] = "available",
            ["reason"] = "correction",
            ["ignoreCompareQuantity"] = compareQuantity is null,
            ["quantities"] = new JsonArray(change),
        };
        var data = await SendAsync(mutation, new JsonObject { ["input"] = input }, ct);
        if (data["inventorySetQuantities"]?["userErrors"] is JsonArray errors && errors.Any(e => (string?)e?["code"] == "COMPARE_QUANTITY_STALE"))
        {
            throw new VendorCallException(System, "available changed since it was read (COMPARE_QUANTITY_STALE)", transient: true, TimeSpan.Zero);
        }
        ThrowOnUserErrors(data["inventorySetQuantities"]);
    }

    /// <summary>Every order updated at or after <paramref name="since"/>, oldest change first.</summary>
    public async IAsyncEnumerable<ShopifyOrder> OrdersUpdatedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in OrderPagesUpdatedSinceAsync(since, ct))
        {
            foreach (var order in page)
            {
                yield return order;
            }
        }
    }

    /// <summary>
    /// Every order updated at or after <paramref name="since"/>, a page at a time in <c>updatedAt</c> order
    /// (<c>sortKey: UPDATED_AT</c>), so a reader may commit its cursor after each page: every order before the end of
    /// a page has been read. Pages are small on purpose: 10 orders of up to 10 lines stay under Shopify's 1,000-point
    /// single-query ceiling.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ShopifyOrder>> OrderPagesUpdatedSinceAsync(
        DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const string query = """
            query OrdersSince($q: String!, $after: String) {
              orders(first: 10, after: $after, query: $q, sortKey: UPDATED_AT) {
                edges { node {
                  id name email createdAt updatedAt cancelledAt currencyCode
                  totalPriceSet { shopMoney { amount } }
                  customer { firstName lastName email }
                  shippingAddress { firstName lastName address1 city provinceCode zip countryCodeV2 phone }
                  lineItems(first: 10) { pageInfo { hasNextPage endCursor } edges { node { sku quantity title originalUnitPriceSet { shopMoney { amount } } taxLines { rate priceSet { shopMoney { amount } } } } } }
                } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
        string? after = null;
        do
        {
            var variables = new JsonObject
            {
                ["q"] = $"updated_at:>='{since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}'",
                ["after"] = after,
            };
            var data = await SendAsync(query, variables, ct);
            var connection = data["orders"]!;
            var page = new List<ShopifyOrder>();
            foreach (var edge in connection["edges"]!.AsArray())
            {
                var order = ParseOrder(edge!["node"]!);
                var lines = edge["node"]!["lineItems"]!["pageInfo"];
                if ((bool?)lines?["hasNextPage"] == true)
                {
                    order = order with { Lines = [.. order.Lines, .. await RemainingLinesAsync(order.Id, (string)lines!["endCursor"]!, ct)] };
                }
                page.Add(order);
            }
            yield return page;
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
    }

    /// <summary>The lines of a large order beyond the first page, so no line is ever dropped.</summary>
    private async Task<List<ShopifyOrderLine>> RemainingLinesAsync(string orderId, string after, CancellationToken ct)
    {
        const string query = """
            query OrderLines($id: ID!, $after: String) {
              order(id: $id) {
                lineItems(first: 50, after: $after) { pageInfo { hasNextPage endCursor } edges { node { sku quantity title originalUnitPriceSet { shopMoney { amount } } taxLines { rate priceSet { shopMoney { amount } } } } } }
              }
            }
            """;
        var lines = new List<ShopifyOrderLine>();
        string? cursor = after;
        while (cursor is not null)
        {
            var data = await SendAsync(query, new JsonObject { ["id"] = orderId, ["after"] = cursor }, ct);
            var connection = data["order"]!["lineItems"]!;
            lines.AddRange(connection["edges"]!.AsArray().Select(e => ParseLine(e!["node"]!)));
            cursor = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        return lines;
    }

    private static ShopifyOrderLine ParseLine(JsonNode l)
    {
        // A line may carry several tax lines (state, county, city): the shopper paid their sum.
        var taxes = l["taxLines"]?.AsArray().Select(t => t!).ToList() ?? [];
        return new(
            (string?)l["sku"],
            (int)l["quantity"]!,
            ParseMoney(l["originalUnitPriceSet"]?["shopMoney"]?["amount"]) ?? 0m,
            (string?)l["title"] ?? string.Empty,
            taxes.Count == 0 ? null : Math.Round(taxes.Sum(t => (decimal)((double?)t["rate"] ?? 0)), 6),
            taxes.Sum(t => ParseMoney(t["priceSet"]?["shopMoney"]?["amount"]) ?? 0m));
    }

    private static ShopifyOrder ParseOrder(JsonNode n)
    {
        var address = n["shippingAddress"];
        var customer = n["customer"];
        return new ShopifyOrder(
            (string)n["id"]!,
            (string)n["name"]!,
            (string?)n["email"] ?? (string?)customer?["email"],
            DateTimeOffset.Parse((string)n["createdAt"]!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)n["updatedAt"]!, CultureInfo.InvariantCulture),
            n["cancelledAt"] is { } cancelled ? DateTimeOffset.Parse((string)cancelled!, CultureInfo.InvariantCulture) : null,
            (string?)n["currencyCode"] ?? "USD",
            ParseMoney(n["totalPriceSet"]?["shopMoney"]?["amount"]) ?? 0m,
            address is null ? null : new ShopifyAddress(
                (string?)address["firstName"], (string?)address["lastName"], (string?)address["address1"],
                (string?)address["city"], (string?)address["zip"], (string?)address["countryCodeV2"], (string?)address["phone"], (string?)address["provinceCode"]),
            (string?)customer?["firstName"],
            (string?)customer?["lastName"],
            n["lineItems"]!["edges"]!.AsArray().Select(e => ParseLine(e!["node"]!)).ToList());
    }

    internal async Task<JsonNode> SendAsync(string query, JsonObject variables, CancellationToken ct)
    {
        var uri = new Uri(options.StorefrontBaseUrl, $"admin/api/{options.StorefrontApiVersion}/graphql.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables }),
        };
        request.Headers.Add("X-Shopify-Access-Token", options.StorefrontToken);
        using var lease = pacer is null || !options.StorefrontPacing ? null : await pacer.AcquireAsync(query, ct);
        if (lease is { Waited: { } waited } && waited > TimeSpan.Zero)
        {
            telemetry?.StorefrontPaced(waited);
        }
        JsonObject? body;
        try
        {
            using var response = await http.SendOkAsync(System, request, ct);
            body = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        }
        catch (VendorCallException e)
        {
            telemetry?.VendorCall(System, e.Status == HttpStatusCode.TooManyRequests ? "throttled" : "failed");
            throw;
        }
        var cost = body?["extensions"]?["cost"];
        lease?.Observe(cost);
        if (body is null)
        {
            telemetry?.VendorCall(System, "failed");
            throw new VendorCallException(System, "empty answer", transient: true);
        }
        if (ShopifyCostPacer.Number(cost?["actualQueryCost"]) is { } actual)
        {
            telemetry?.StorefrontCost(actual);
        }
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            var throttled = errors.Any(e => (string?)e?["extensions"]?["code"] == "THROTTLED");
            telemetry?.VendorCall(System, throttled ? "throttled" : "failed");
            var message = string.Join("; ", errors.Select(e => (string?)e?["message"]));
            throw new VendorCallException(System, message, transient: throttled, throttled ? RefillWait(body) : null);
        }
        telemetry?.VendorCall(System, "ok");
        return body["data"] ?? throw new VendorCallException(System, "answer without data", transient: true);
    }

    /// <summary>How long until the leaky bucket holds what the query asked for.</summary>
    private static TimeSpan RefillWait(JsonObject body)
    {
        var cost = body["extensions"]?["cost"];
        var requested = (double?)cost?["requestedQueryCost"] ?? 50;
        var available = (double?)cost?["throttleStatus"]?["currentlyAvailable"] ?? 0;
        var restore = (double?)cost?["throttleStatus"]?["restoreRate"] ?? 50;
        return TimeSpan.FromSeconds(Math.Max(0.1, (requested - available) / Math.Max(1, restore)));
    }

    private static void ThrowOnUserErrors(JsonNode? payload)
    {
        if (payload?["userErrors"] is JsonArray { Count: > 0 } errors)
        {
            var message = string.Join("; ", errors.Select(e => $"{e?["field"]?.ToJsonString(JsonSerializerOptions.Default)}: {(string?)e?["message"]}"));
            throw new VendorCallException(System, message, transient: false);
        }
    }

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    internal static decimal? ParseMoney(JsonNode? node) =>
        node is null ? null : decimal.Parse(node.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
