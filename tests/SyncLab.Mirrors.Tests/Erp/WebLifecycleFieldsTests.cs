using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The commerce connector's life-cycle fields and the card's creation time, on the webItems page and through the office.</summary>
public sealed class WebLifecycleFieldsTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task the_office_sets_life_cycle_fields_and_the_web_items_page_shows_them_with_a_new_modification_time()
    {
        var item = erp.Unblocked(6);
        var id = (await erp.GetJsonAsync($"/_synclab/erp/items/{item.Sku}")).GetProperty("id").GetGuid();
        var before = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");
        Assert.Equal("0001-01-01", before.GetProperty("restockDate").GetString());
        erp.Clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{item.Sku}", new
        {
            lifecycleCode = "EOL", restockDate = "2026-12-14", allowBackorder = true, lowStockThreshold = 7, category = "KITCHEN",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var web = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");
        Assert.Equal("EOL", web.GetProperty("lifecycleCode").GetString());
        Assert.Equal("2026-12-14", web.GetProperty("restockDate").GetString());
        Assert.True(web.GetProperty("allowBackorder").GetBoolean());
        Assert.Equal(7, web.GetProperty("lowStockThreshold").GetInt32());
        Assert.True(web.GetProperty("lastModifiedDateTime").GetDateTimeOffset() > before.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
        Assert.Equal("KITCHEN", (await erp.GetJsonAsync($"{erp.Company}/items({id})")).GetProperty("itemCategoryCode").GetString());
    }

    [Fact]
    public async Task the_web_items_page_tells_items_created_before_the_upgrade_by_their_creation_time()
    {
        var old = erp.Estate.Items.First(i => i.CreatedAt < new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var id = (await erp.GetJsonAsync($"/_synclab/erp/items/{old.Sku}")).GetProperty("id").GetGuid();

        var web = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");

        Assert.Equal(old.CreatedAt.UtcDateTime.Date, web.GetProperty("systemCreatedAt").GetDateTimeOffset().UtcDateTime.Date);
    }

    [Fact]
    public async Task a_negative_low_stock_threshold_is_refused_as_a_problem()
    {
        using var response = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{erp.Unblocked(7).Sku}", new { lowStockThreshold = -1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
