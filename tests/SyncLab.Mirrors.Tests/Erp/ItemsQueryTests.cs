using System.Net;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>A mirror whose pages hold 7 items, so that 30 items take several pages.</summary>
public sealed class SmallPagesErpFixture : ErpMirrorFixture
{
    protected override ErpMirrorSettings Settings => new() { PageSize = 7 };
}

public sealed class ItemsQueryTests(SmallPagesErpFixture erp) : IClassFixture<SmallPagesErpFixture>
{
    [Fact]
    public async Task companies_lists_one_company_with_a_stable_id_derived_from_the_seed()
    {
        var companies = await erp.GetJsonAsync("/api/v2.0/companies");

        var company = Assert.Single(companies.GetProperty("value").EnumerateArray());
        Assert.Equal("CRONUS USA, Inc.", company.GetProperty("name").GetString());
        Assert.Equal("", company.GetProperty("businessProfileId").GetString());
        Assert.EndsWith("/api/v2.0/$metadata#companies", companies.GetProperty("@odata.context").GetString());

        await using var again = ErpMirror.Build(new(), erp.Clock, erp.Estate);
        await again.StartAsync();
        using var http = new HttpClient { BaseAddress = again.BoundAddress() };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "x");
        var other = await ErpMirrorFixture.ReadAsync(await http.GetAsync("/api/v2.0/companies"));
        Assert.Equal(erp.CompanyId, other.GetProperty("value")[0].GetProperty("id").GetGuid());
        await again.StopAsync();
    }

    [Fact]
    public async Task paging_with_next_links_visits_every_item_exactly_once()
    {
        var (rows, pages) = await erp.GetAllAsync($"{erp.Company}/items");

        var ids = rows.Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= erp.Estate.Items.Count);
        foreach (var item in erp.Estate.Items)
        {
            Assert.Contains(rows, r => r.GetProperty("number").GetString() == item.Number);
        }
        Assert.Equal((int)Math.Ceiling(ids.Count / 7.0), pages);
    }

    [Fact]
    public async Task the_next_link_continues_the_same_filter_and_order()
    {
        const string filter = "lastModifiedDateTime ge 2020-01-01T00:00:00Z";
        var (rows, pages) = await erp.GetAllAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString(filter)}&$orderby=lastModifiedDateTime desc,number");

        var expected = erp.Estate.Items.Count(i => i.CreatedAt >= new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.True(pages > 1);
        Assert.True(rows.Count >= expected);
        var stamps = rows.Select(r => r.GetProperty("lastModifiedDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(stamps.OrderByDescending(s => s), stamps);
        Assert.All(stamps, s => Assert.True(s >= new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("id").GetGuid()).Distinct().Count());
    }

    [Fact]
    public async Task number_eq_finds_the_item_with_the_number_exactly_as_keyed()
    {
        var item = erp.Estate.Items[3];

        var page = await erp.GetJsonAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString($"number eq '{item.Number}'")}");

        var row = Assert.Single(page.GetProperty("value").EnumerateArray());
        Assert.Equal(item.Description, row.GetProperty("displayName").GetString());
        Assert.Equal(item.UnitPrice, row.GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task top_skip_and_select_shape_the_page()
    {
        var all = (await erp.GetAllAsync($"{erp.Company}/items?$orderby=number")).Rows;

        var page = await erp.GetJsonAsync($"{erp.Company}/items?$orderby=number&$skip=2&$top=3&$select=number,unitPrice");

        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(all.Skip(2).Take(3).Select(r => r.GetProperty("number").GetString()), rows.Select(r => r.GetProperty("number").GetString()));
        Assert.All(rows, r => Assert.Equal(["@odata.etag", "number", "unitPrice"], r.EnumerateObject().Select(p => p.Name)));
        Assert.False(page.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task a_top_larger_than_a_page_is_served_over_several_pages()
    {
        var (rows, pages) = await erp.GetAllAsync($"{erp.Company}/items?$top=10&$count=true");

        Assert.Equal(10, rows.Count);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task one_item_is_read_by_its_id_with_its_etag_in_the_header()
    {
        var first = (await erp.GetJsonAsync($"{erp.Company}/items?$top=1")).GetProperty("value")[0];
        var id = first.GetProperty("id").GetGuid();

        using var response = await erp.Http.GetAsync($"{erp.Company}/items({id})");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await ErpMirrorFixture.ReadAsync(response);
        Assert.Equal(first.GetProperty("@odata.etag").GetString(), item.GetProperty("@odata.etag").GetString());
        Assert.Equal(first.GetProperty("@odata.etag").GetString(), response.Headers.ETag?.ToString());
        Assert.EndsWith("/items/$entity", item.GetProperty("@odata.context").GetString());
    }

    [Fact]
    public async Task locations_and_customers_come_from_the_estate()
    {
        var locations = (await erp.GetAllAsync($"{erp.Company}/locations")).Rows;
        var customers = (await erp.GetAllAsync($"{erp.Company}/customers")).Rows;

        Assert.Equal(erp.Estate.Locations.Select(l => l.Code).Order(), locations.Select(l => l.GetProperty("code").GetString()!).Order());
        Assert.Equal(erp.Estate.Customers.Count, customers.Count);
        var customer = erp.Estate.Customers[0];
        var row = Assert.Single(customers, c => c.GetProperty("number").GetString() == customer.Number);
        Assert.Equal(customer.Email, row.GetProperty("email").GetString());
        Assert.Equal("_x0020_", row.GetProperty("blocked").GetString());
    }
}
