using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The company's sales tax setup and the tax a sales order's lines carry on the order's date.</summary>
public sealed class SalesTaxTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_sales_order_is_taxed_at_the_rate_in_force_on_its_order_date_shown_on_lines_and_totals()
    {
        using (var keyed = await erp.Http.PutAsJsonAsync("/_synclab/erp/sales-tax-rates/2027-01-01", new { taxPercent = 8.5m }))
        {
            Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        }
        var item = await erp.ItemAsync(erp.Unblocked(0).Number);

        var eve = await CreateAsync("TAX-EVE", "2026-12-31", item, 2, 12.50m);
        var newYear = await CreateAsync("TAX-NEW", "2027-01-01", item, 2, 12.50m);

        Assert.Equal(8m, eve.Line.GetProperty("taxPercent").GetDecimal());
        Assert.Equal(2.00m, eve.Line.GetProperty("totalTaxAmount").GetDecimal());
        Assert.Equal(2.00m, eve.Order.GetProperty("totalTaxAmount").GetDecimal());
        Assert.Equal(27.00m, eve.Order.GetProperty("totalAmountIncludingTax").GetDecimal());
        Assert.Equal(8.5m, newYear.Line.GetProperty("taxPercent").GetDecimal());
        Assert.Equal(2.13m, newYear.Line.GetProperty("totalTaxAmount").GetDecimal());
        Assert.Equal(27.13m, newYear.Line.GetProperty("amountIncludingTax").GetDecimal());

        var rates = (await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/salesTaxRates")).GetProperty("value");
        Assert.Equal([("0001-01-01", 8m), ("2027-01-01", 8.5m)], rates.EnumerateArray().Select(r => (r.GetProperty("effectiveDate").GetString(), r.GetProperty("taxPercent").GetDecimal())).ToList());
    }

    [Theory]
    [InlineData("2027-13-01", 8.5)]
    [InlineData("2027-01-01", -1)]
    [InlineData("2027-01-01", 101)]
    public async Task a_bad_rate_is_a_400_problem(string effectiveDate, double taxPercent)
    {
        using var response = await erp.Http.PutAsJsonAsync($"/_synclab/erp/sales-tax-rates/{effectiveDate}", new { taxPercent = (decimal)taxPercent });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("https://synclab.dev/problems/erp-invalid-tax-rate", (await ErpMirrorFixture.ReadAsync(response)).GetProperty("type").GetString());
    }

    private async Task<(JsonElement Order, JsonElement Line)> CreateAsync(string external, string orderDate, JsonElement item, decimal quantity, decimal unitPrice)
    {
        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
        {
            externalDocumentNumber = external,
            customerNumber = erp.Estate.Customers[0].Number,
            orderDate,
            salesOrderLines = new[] { new { lineType = "Item", itemId = item.GetProperty("id").GetGuid(), quantity, unitPrice } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await ErpMirrorFixture.ReadAsync(response)).GetProperty("id").GetGuid();
        var order = await erp.GetJsonAsync($"{erp.Company}/salesOrders({id})?$expand=salesOrderLines");
        return (order, order.GetProperty("salesOrderLines")[0]);
    }
}
