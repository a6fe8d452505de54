using System.Globalization;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Connectors.Shopify;

/// <summary>A storefront customer as the engine carries it: the full state at one <see cref="UpdatedAt"/>.</summary>
public sealed record ShopifyCustomer(
    string Id,
    string? Email,
    string? FirstName,
    string? LastName,
    string? Phone,
    IReadOnlyList<string> Tags,
    string MarketingState,
    ShopifyAddress? DefaultAddress,
    DateTimeOffset UpdatedAt)
{
    public string? Address2 { get; init; }

    /// <summary>CustomerState: DISABLED (a guest of checkout), INVITED, ENABLED (an account), DECLINED.</summary>
    public string State { get; init; } = "DISABLED";

    /// <summary>Every address of the customer (<c>addresses</c>), the default among them; <c>customerUpdate</c> replaces the list as a whole.</summary>
    public IReadOnlyList<ShopifyMailingAddress> Addresses { get; init; } = [];

    /// <summary>The id of the default address (<c>defaultAddress.id</c>); null when the customer has none.</summary>
    public string? DefaultAddressId { get; init; }
}

/// <summary>One of a customer's addresses as the Admin API gives it and <c>MailingAddressInput</c> takes it (the id is not sent back).</summary>
public sealed record ShopifyMailingAddress(
    string? Id, string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City,
    string? ProvinceCode, string? Zip, string? CountryCode, string? Phone);

/// <summary>Shopify Admin GraphQL customers: read by <c>updated_at</c>, one by id, names, tags and addresses set with <c>customerUpdate</c>.</summary>
public sealed class ShopifyCustomerClient(ShopifyAdminClient shop)
{
    private const string Fields = """
        id email firstName lastName phone tags updatedAt state
        emailMarketingConsent { marketingState }
        defaultAddress { id firstName lastName address1 address2 city provinceCode zip countryCodeV2 phone }
        addresses(first: 250) { id firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone }
        """;

    /// <summary>Every customer updated at or after <paramref name="since"/>, following the connection's cursor.</summary>
    public async IAsyncEnumerable<ShopifyCustomer> CustomersUpdatedSinceAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const string query = $$"""
            query CustomersSince($q: String!, $after: String) {
              customers(first: 50, after: $after, query: $q) {
                edges { node { {{Fields}} } }
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
            var connection = (await shop.SendAsync(query, variables, ct))["customers"]!;
            foreach (var edge in connection["edges"]!.AsArray())
            {
                yield return Parse(edge!["node"]!);
            }
            after = (bool?)connection["pageInfo"]?["hasNextPage"] == true ? (string?)connection["pageInfo"]!["endCursor"] : null;
        }
        while (after is not null);
    }

    public async Task<ShopifyCustomer?> CustomerAsync(string id, CancellationToken ct)
    {
        const string query = $$"""
            query Customer($id: ID!) { customer(id: $id) { {{Fields}} } }
            """;
        var node = (await shop.SendAsync(query, new JsonObject { ["id"] = id }, ct))["customer"];
        return node is null ? null : Parse(node);
    }

    /// <summary>Whether the customer has an order that is not cancelled.</summary>
    public async Task<bool> HasLiveOrderAsync(string customerId, CancellationToken ct)
    {
        const string query = """
            query LiveOrders($q: String!) { orders(first: 1, query: $q) { edges { node { id } } } }
            """;
        var legacyId = customerId[(customerId.LastIndexOf('/') + 1)..];
        var data = await shop.SendAsync(query, new JsonObject { ["q"] = $"customer_id:{legacyId} -status:cancelled" }, ct);
        return data["orders"]?["edges"]?.AsArray().Count > 0;
    }

    /// <summary>
    /// Sets names, tags and addresses (<c>customerUpdate</c>); null leaves a field as it is. Addresses are a list field: the
    /// list sent becomes the customer's addresses, the first the default, so the caller sends the ones to keep as well.
    /// </summary>
    public async Task UpdateCustomerAsync(
        string id, string? firstName, string? lastName, IReadOnlyList<string>? tags, CancellationToken ct, IReadOnlyList<ShopifyMailingAddress>? addresses = null)
    {
        const string mutation = """
            mutation UpdateCustomer($input: CustomerInput!) {
              customerUpdate(input: $input) { customer { id } userErrors { field message } }
            }
            """;
        var input = new JsonObject { ["id"] = id };
        if (firstName is not null)
        {
            input["firstName"] = firstName;
        }
        if (lastName is not null)
        {
            input["lastName"] = lastName;
        }
        if (tags is not null)
        {
            input["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)t)]);
        }
        if (addresses is not null)
        {
            input["addresses"] = new JsonArray([.. addresses.Select(a => (JsonNode?)new JsonObject
            {
                ["firstName"] = a.FirstName, ["lastName"] = a.LastName, ["company"] = a.Company, ["address1"] = a.Address1, ["address2"] = a.Address2,
                ["city"] = a.City, ["provinceCode"] = a.ProvinceCode, ["zip"] = a.Zip, ["countryCode"] = a.CountryCode, ["phone"] = a.Phone,
            })]);
        }
        var data = await shop.SendAsync(mutation, new JsonObject { ["input"] = input }, ct);
        if (data["customerUpdate"]?["userErrors"] is JsonArray { Count: > 0 } errors)
        {
            throw new VendorCallException("storefront", string.Join("; ", errors.Select(e => (string?)e?["message"])), transient: false);
        }
    }

    private static ShopifyCustomer Parse(JsonNode n)
    {
        var a = n["defaultAddress"];
        return new ShopifyCustomer(
            (string)n["id"]!,
            (string?)n["email"],
            (string?)n["firstName"],
            (string?)n["lastName"],
            (string?)n["phone"],
            n["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [],
            (string?)n["emailMarketingConsent"]?["marketingState"] ?? "NOT_SUBSCRIBED",
            a is null ? null : new ShopifyAddress(
                (string?)a["firstName"], (string?)a["lastName"], (string?)a["address1"], (string?)a["city"], (string?)a["zip"],
                (string?)a["countryCodeV2"], (string?)a["phone"], (string?)a["provinceCode"]),
            DateTimeOffset.Parse((string)n["updatedAt"]!, CultureInfo.InvariantCulture))
        {
            Address2 = (string?)a?["address2"],
            State = (string?)n["state"] ?? "DISABLED",
            DefaultAddressId = (string?)a?["id"],
            Addresses = n["addresses"]?.AsArray().Select(x => new ShopifyMailingAddress(
                (string?)x!["id"], (string?)x["firstName"], (string?)x["lastName"], (string?)x["company"], (string?)x["address1"], (string?)x["address2"],
                (string?)x["city"], (string?)x["provinceCode"], (string?)x["zip"], (string?)x["countryCodeV2"], (string?)x["phone"])).ToList() ?? [],
        };
    }
}
