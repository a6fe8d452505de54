using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class ETagTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_patch_with_the_current_etag_updates_the_item_and_gives_a_new_etag()
    {
        var item = await ItemAsync(10);
        var etag = item.GetProperty("@odata.etag").GetString();
        erp.Clock.Advance(TimeSpan.FromMinutes(3));

        using var response = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"unitPrice": 19.99, "displayName": "Renamed by the engine"}""", etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await ErpMirrorFixture.ReadAsync(response);
        Assert.Equal(19.99m, updated.GetProperty("unitPrice").GetDecimal());
        Assert.Equal("Renamed by the engine", updated.GetProperty("displayName").GetString());
        Assert.NotEqual(etag, updated.GetProperty("@odata.etag").GetString());
        Assert.Equal(erp.Clock.GetUtcNow(), updated.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
    }

    [Fact]
    public async Task when_a_stale_etag_is_sent_the_patch_is_refused_with_412()
    {
        var item = await ItemAsync(11);
        var stale = item.GetProperty("@odata.etag").GetString();
        using (var first = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"blocked": true}""", stale))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var second = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"unitPrice": 1}""", stale);

        Assert.Equal("Request_EntityChanged", await ErpMirrorFixture.AssertVendorErrorAsync(second, HttpStatusCode.PreconditionFailed));
        var now = await erp.GetJsonAsync(Url(item));
        Assert.Equal(item.GetProperty("unitPrice").GetDecimal(), now.GetProperty("unitPrice").GetDecimal());
    }

    [Fact]
    public async Task a_patch_without_if_match_is_refused_as_bc_does()
    {
        var item = await ItemAsync(12);

        using var response = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"unitPrice": 1}""");

        Assert.Equal("BadRequest_InvalidToken", await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task a_patch_with_a_wildcard_if_match_always_applies()
    {
        var item = await ItemAsync(13);

        using var response = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"gtin": "4000000000017"}""", "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task patching_inventory_posts_the_difference_as_an_adjustment()
    {
        var item = await ItemAsync(14);
        var target = item.GetProperty("inventory").GetDecimal() + 5;

        using var response = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), $$"""{"inventory": {{target}}}""", "*");

        var updated = await ErpMirrorFixture.ReadAsync(response);
        Assert.Equal(target, updated.GetProperty("inventory").GetDecimal());
        var number = item.GetProperty("number").GetString()!;
        var entries = (await erp.GetAllAsync($"{erp.Company}/itemLedgerEntries?$filter={Uri.EscapeDataString($"itemNumber eq '{number}'")}")).Rows;
        Assert.Equal(5m, Assert.Single(entries).GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task read_only_and_unknown_properties_are_refused()
    {
        var item = await ItemAsync(15);

        using var readOnly = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"lastModifiedDateTime": "2020-01-01T00:00:00Z"}""", "*");
        using var unknown = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"webEnabled": false}""", "*");
        using var wrongType = await erp.SendJsonAsync(HttpMethod.Patch, Url(item), """{"unitPrice": "cheap"}""", "*");

        Assert.Equal("BadRequest_InvalidOperation", await ErpMirrorFixture.AssertVendorErrorAsync(readOnly, HttpStatusCode.BadRequest));
        Assert.Equal("BadRequest", await ErpMirrorFixture.AssertVendorErrorAsync(unknown, HttpStatusCode.BadRequest));
        Assert.Equal("BadRequest", await ErpMirrorFixture.AssertVendorErrorAsync(wrongType, HttpStatusCode.BadRequest));
    }

    private string Url(JsonElement item) => $"{erp.Company}/items({item.GetProperty("id").GetGuid()})";

    private async Task<JsonElement> ItemAsync(int index)
    {
        var number = erp.Unblocked(index).Number;
        return (await erp.GetJsonAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString($"number eq '{number}'")}")).GetProperty("value")[0];
    }
}
