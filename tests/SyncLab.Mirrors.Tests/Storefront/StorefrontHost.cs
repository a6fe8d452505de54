using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Storefront;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>
/// One storefront mirror on loopback, shared by the tests of a class: a 30-SKU estate (seed 7), the
/// business clock frozen at 2026-11-02 09:00 UTC, and an HTTP client that speaks the Admin API.
/// </summary>
public class StorefrontHost : IAsyncLifetime
{
    public const string Token = "shpat_synclab_test";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public BusinessClock Clock { get; } = new(start: Start, rate: 0);

    public BusinessEstate Estate { get; } = EstateGenerator.Generate(new EstateOptions { Seed = 7, Skus = 30 });

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public MirrorLedger Ledger => App.Services.GetRequiredService<MirrorLedger>();

    /// <summary>SKUs the shop lists (web-enabled items), in id order.</summary>
    public IReadOnlyList<string> WebSkus => Estate.Items.Where(i => i.WebEnabled).Select(i => i.Sku).ToList();

    protected virtual StorefrontMirrorSettings Settings => new() { AccessToken = Token, Throttle = QueryCostLimits.Off };

    /// <summary>Where the mirror keeps its state: InMemory unless a test class is about a durable store.</summary>
    protected virtual MirrorHostOptions HostOptions => new();

    public virtual async Task InitializeAsync()
    {
        App = StorefrontMirror.Build(HostOptions, Clock, Estate, Settings);
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = App.BoundAddress() };
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Clock.Dispose();
    }

    /// <summary>POSTs a GraphQL request to the Admin API and returns the whole JSON answer (data, errors, extensions).</summary>
    public async Task<JsonElement> GraphAsync(string query, object? variables = null, string token = Token, string version = "2025-01")
    {
        using var response = await PostGraphAsync(query, variables, token, version);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }

    public async Task<HttpResponseMessage> PostGraphAsync(string query, object? variables = null, string? token = Token, string version = "2025-01")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/api/{version}/graphql.json")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }
        return await Http.SendAsync(request);
    }

    /// <summary>The <c>data</c> of an answer that must have no <c>errors</c>.</summary>
    public async Task<JsonElement> DataAsync(string query, object? variables = null)
    {
        var answer = await GraphAsync(query, variables);
        Assert.False(answer.TryGetProperty("errors", out var errors), $"unexpected errors: {errors}");
        return answer.GetProperty("data");
    }

    /// <summary>The variant with <paramref name="sku"/>: ids, price, product, and its levels' available quantities.</summary>
    public async Task<JsonElement> VariantBySkuAsync(string sku)
    {
        var data = await DataAsync(Operations.VariantBySku, new { query = $"sku:{sku}" });
        var edges = data.GetProperty("productVariants").GetProperty("edges");
        Assert.Equal(1, edges.GetArrayLength());
        return edges[0].GetProperty("node");
    }

    public async Task<string> FirstLocationIdAsync()
    {
        var data = await DataAsync(Operations.Locations);
        return data.GetProperty("locations").GetProperty("edges")[0].GetProperty("node").GetProperty("id").GetString()!;
    }

    public async Task ResetAsync()
    {
        using var response = await Http.PostAsync("/_synclab/storefront/reset", null);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The operations an integration engine sends, kept in one place so tests and docs agree.</summary>
public static class Operations
{
    public const string VariantBySku = """
        query VariantBySku($query: String!) {
          productVariants(first: 1, query: $query) {
            edges { node {
              id sku price compareAtPrice barcode inventoryQuantity
              product { id title handle status }
              inventoryItem { id inventoryLevels(first: 10) { edges { node {
                id location { id name } quantities(names: ["available", "on_hand"]) { name quantity }
              } } } }
            } }
          }
        }
        """;

    public const string UpdatePrices = """
        mutation UpdatePrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            product { id }
            productVariants { id price compareAtPrice }
            userErrors { field message code }
          }
        }
        """;

    public const string SetAvailable = """
        mutation SetAvailable($input: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $input) {
            inventoryAdjustmentGroup { createdAt reason changes { name delta } }
            userErrors { code field message }
          }
        }
        """;

    public const string Locations = """
        query Locations { locations(first: 50) { edges { node { id name } } } }
        """;
}
