using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The calls an engine makes for orders, customers and returns, over the fixture's HTTP client.</summary>
public static class ErpSales
{
    public static async Task<JsonElement> CreateOrderAsync(this ErpMirrorFixture erp, string externalDocumentNumber, string customerNumber, params (Guid ItemId, decimal Quantity)[] lines)
    {
        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
        {
            externalDocumentNumber,
            customerNumber,
            salesOrderLines = lines.Select(l => new { lineType = "Item", itemId = l.ItemId, quantity = l.Quantity }).ToArray(),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await ErpMirrorFixture.ReadAsync(response);
    }

    public static async Task<JsonElement> ItemAsync(this ErpMirrorFixture erp, string number) =>
        (await erp.GetJsonAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString($"number eq '{number.Replace("'", "''", StringComparison.Ordinal)}'")}"))
            .GetProperty("value")[0];

    public static Task<HttpResponseMessage> ShipAndInvoiceAsync(this ErpMirrorFixture erp, Guid orderId) =>
        erp.Http.PostAsync($"{erp.Company}/salesOrders({orderId})/Microsoft.NAV.shipAndInvoice", null);

    /// <summary>The rows of a collection matching an OData filter (all pages).</summary>
    public static async Task<List<JsonElement>> WhereAsync(this ErpMirrorFixture erp, string entitySet, string filter) =>
        (await erp.GetAllAsync($"{erp.Company}/{entitySet}?$filter={Uri.EscapeDataString(filter)}")).Rows;

    public static async Task SetPostingPeriodAsync(this ErpMirrorFixture erp, string? allowPostingFrom)
    {
        using var response = await erp.Http.PutAsync("/_synclab/erp/posting-period",
            new StringContent(JsonSerializer.Serialize(new { allowPostingFrom }), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }
}
