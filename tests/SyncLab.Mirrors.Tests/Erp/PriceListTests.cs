using System.Net;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class PriceListTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    private string Pricing => $"/api/synclab/pricing/v1.0/companies({erp.CompanyId})";

    [Fact]
    public async Task the_estate_web_price_list_is_served_with_its_dates_and_time_zone()
    {
        var list = Assert.Single((await erp.GetAllAsync($"{Pricing}/priceLists?$filter=code eq 'WEB-2026'")).Rows);

        Assert.Equal("2026-01-01", list.GetProperty("startingDate").GetString());
        Assert.Equal("2026-12-31", list.GetProperty("endingDate").GetString());
        Assert.Equal("America/Chicago", list.GetProperty("timeZone").GetString());
        var lines = (await erp.GetAllAsync($"{Pricing}/priceLists({list.GetProperty("id").GetGuid()})/priceListLines")).Rows;
        Assert.Equal(erp.Estate.Items.Count, lines.Count);
    }

    [Fact]
    public async Task a_price_list_published_by_the_office_takes_effect_on_its_starting_date()
    {
        var item = erp.Unblocked(0);

        using var published = await erp.PostJsonAsync("/_synclab/erp/price-lists", new
        {
            code = "WEB-2027",
            currencyCode = "USD",
            startingDate = "2027-01-01",
            lines = new[] { new { number = item.Sku, unitPrice = 99.5m, compareAtPrice = 120m } },
        });

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var filter = Uri.EscapeDataString($"itemNumber eq '{item.Number}' and startingDate ge 2027-01-01");
        var line = Assert.Single((await erp.GetAllAsync($"{Pricing}/priceListLines?$filter={filter}")).Rows);
        Assert.Equal(99.5m, line.GetProperty("unitPrice").GetDecimal());
        Assert.Equal("0001-01-01", line.GetProperty("endingDate").GetString());
        Assert.Equal("WEB-2027", line.GetProperty("priceListCode").GetString());
    }
}
