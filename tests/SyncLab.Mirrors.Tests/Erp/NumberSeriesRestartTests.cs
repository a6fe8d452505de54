using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The office restarts a number series for a new fiscal year (a "No. Series Line" with a starting date).</summary>
public sealed class NumberSeriesRestartTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_series_restarted_for_the_new_year_numbers_documents_dated_from_then_on_the_new_line_and_earlier_ones_on_the_old()
    {
        await RestartAsync("S-ORD", "2027-01-01", "SO-2027-0001", HttpStatusCode.OK);

        var december = await CreateOrderAsync("YEAR-1", "2026-12-31", HttpStatusCode.Created);
        var january = await CreateOrderAsync("YEAR-2", "2027-01-01", HttpStatusCode.Created);
        var later = await CreateOrderAsync("YEAR-3", "2027-03-15", HttpStatusCode.Created);

        Assert.StartsWith("S-ORD", december.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("SO-2027-0001", january.GetProperty("number").GetString());
        Assert.Equal("SO-2027-0002", later.GetProperty("number").GetString());
        var line = (await erp.GetJsonAsync("/_synclab/erp/number-series")).EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == "S-ORD" && l.GetProperty("startingDate").GetString() == "2027-01-01");
        Assert.Equal("SO-2027-0002", line.GetProperty("lastNumberUsed").GetString());

        // Numbers have been taken from the line: it can no longer restart.
        await RestartAsync("S-ORD", "2027-01-01", "SO-2027-0100", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_restart_on_a_number_an_open_order_still_has_is_refused_as_bc_refuses_a_duplicate_key_and_takes_nothing_from_the_series()
    {
        var open = await CreateOrderAsync("DUP-1", "2026-11-02", HttpStatusCode.Created);
        var number = open.GetProperty("number").GetString()!;
        await RestartAsync("S-ORD", "2028-01-01", number, HttpStatusCode.OK);

        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", await OrderBodyAsync("DUP-2", "2028-01-02"));

        Assert.Equal("Internal_EntityWithSameKeyExists", await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest));
        Assert.Contains("The record in table Sales Header already exists", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var line = (await erp.GetJsonAsync("/_synclab/erp/number-series")).EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == "S-ORD" && l.GetProperty("startingDate").GetString() == "2028-01-01");
        Assert.Equal(string.Empty, line.GetProperty("lastNumberUsed").GetString());

        // Once the old order is posted (BC deletes it), the number is free again.
        using (var posted = await erp.ShipAndInvoiceAsync(open.GetProperty("id").GetGuid()))
        {
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }
        var reused = await CreateOrderAsync("DUP-3", "2028-01-02", HttpStatusCode.Created);
        Assert.Equal(number, reused.GetProperty("number").GetString());
    }

    [Theory]
    [InlineData("NOPE", "2027-01-01", "X-0001", HttpStatusCode.NotFound, "erp-unknown-number-series")]
    [InlineData("S-ORD", "01/01/2027", "X-0001", HttpStatusCode.BadRequest, "erp-invalid-number-series")]
    [InlineData("S-ORD", "2027-01-01", "NO-DIGITS", HttpStatusCode.BadRequest, "erp-invalid-number-series")]
    [InlineData("S-ORD", "2027-01-01", "", HttpStatusCode.BadRequest, "erp-invalid-number-series")]
    public async Task a_bad_series_line_is_a_problem(string code, string startingDate, string startingNumber, HttpStatusCode status, string type)
    {
        using var response = await erp.Http.PutAsJsonAsync($"/_synclab/erp/number-series/{Uri.EscapeDataString(code)}/lines/{Uri.EscapeDataString(startingDate)}", new { startingNumber });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"https://synclab.dev/problems/{type}", (await ErpMirrorFixture.ReadAsync(response)).GetProperty("type").GetString());
    }

    private async Task RestartAsync(string code, string startingDate, string startingNumber, HttpStatusCode expected)
    {
        using var response = await erp.Http.PutAsJsonAsync($"/_synclab/erp/number-series/{code}/lines/{startingDate}", new { startingNumber });
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<object> OrderBodyAsync(string external, string orderDate) => new
    {
        externalDocumentNumber = external,
        customerNumber = erp.Estate.Customers[0].Number,
        orderDate,
        salesOrderLines = new[] { new { lineType = "Item", itemId = (await erp.ItemAsync(erp.Unblocked(0).Number)).GetProperty("id").GetGuid(), quantity = 1m } },
    };

    private async Task<JsonElement> CreateOrderAsync(string external, string orderDate, HttpStatusCode expected)
    {
        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", await OrderBodyAsync(external, orderDate));
        Assert.True(expected == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await ErpMirrorFixture.ReadAsync(response);
    }
}
