using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The commerce connector's selling-season fields, on the webItems page and through the office.</summary>
public sealed class SeasonFieldsTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task the_office_keys_a_season_and_the_web_items_page_shows_it_blank_until_then()
    {
        var item = erp.Unblocked(8);
        var id = (await erp.GetJsonAsync($"/_synclab/erp/items/{item.Sku}")).GetProperty("id").GetGuid();
        var before = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");
        Assert.Equal(("0001-01-01", "0001-01-01"), (before.GetProperty("seasonStartDate").GetString(), before.GetProperty("seasonEndDate").GetString()));
        erp.Clock.Advance(TimeSpan.FromMinutes(1));

        using var response = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{item.Sku}", new { seasonStartDate = "2026-12-01", seasonEndDate = "2028-02-29" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var web = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");
        Assert.Equal(("2026-12-01", "2028-02-29"), (web.GetProperty("seasonStartDate").GetString(), web.GetProperty("seasonEndDate").GetString()));
        Assert.True(web.GetProperty("lastModifiedDateTime").GetDateTimeOffset() > before.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task a_season_ending_before_it_starts_is_refused_as_a_problem()
    {
        using var response = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{erp.Unblocked(9).Sku}", new { seasonStartDate = "2026-12-24", seasonEndDate = "2026-12-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
