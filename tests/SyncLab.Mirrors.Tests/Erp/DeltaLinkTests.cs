using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>Business Central change tracking: <c>Prefer: odata.track-changes</c>, <c>@odata.deltaLink</c>, <c>$deletedEntity</c>, 410 Gone.</summary>
public sealed class DeltaLinkTests(SmallPagesErpFixture erp) : IClassFixture<SmallPagesErpFixture>
{
    [Fact]
    public async Task a_tracked_read_pages_as_usual_and_only_its_last_page_carries_the_delta_link()
    {
        var (rows, last, pages) = await TrackedReadAsync($"{erp.Company}/items");

        Assert.Equal(erp.Estate.Items.Count, rows.Count);
        Assert.True(pages > 1, "the fixture serves 7 items a page");
        Assert.False(last.TryGetProperty("@odata.nextLink", out _));
        Assert.Contains("$deltatoken=", last.GetProperty("@odata.deltaLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task following_the_delta_link_returns_only_the_item_changed_since_then_and_a_new_link()
    {
        var (_, baseline, _) = await TrackedReadAsync($"{erp.Company}/items");
        var item = erp.Unblocked(3);
        using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString(item.Sku)}/price", new { unitPrice = 41.5m });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        var (rows, delta, _) = await FollowAsync(baseline.GetProperty("@odata.deltaLink").GetString()!);

        var row = Assert.Single(rows);
        Assert.Equal(item.Number, row.GetProperty("number").GetString());
        Assert.Equal(41.5m, row.GetProperty("unitPrice").GetDecimal());
        var (again, _, _) = await FollowAsync(delta.GetProperty("@odata.deltaLink").GetString()!);
        Assert.Empty(again);
    }

    [Fact]
    public async Task customers_added_and_deleted_since_the_link_come_back_as_rows_and_deleted_entities()
    {
        var (_, baseline, _) = await TrackedReadAsync($"{erp.Company}/customers");
        using var created = await erp.PostJsonAsync($"{erp.Company}/customers", new { displayName = "Delta Lovelace", email = "delta@example.com" });
        var added = await ErpMirrorFixture.ReadAsync(created);
        using var second = await erp.PostJsonAsync($"{erp.Company}/customers", new { displayName = "Gone Hopper" });
        var doomed = await ErpMirrorFixture.ReadAsync(second);
        using (var deleted = await DeleteAsync($"{erp.Company}/customers({doomed.GetProperty("id").GetGuid()})", doomed.GetProperty("@odata.etag").GetString()!))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var (rows, _, _) = await FollowAsync(baseline.GetProperty("@odata.deltaLink").GetString()!);

        var removed = Assert.Single(rows, r => r.TryGetProperty("@odata.context", out var c) && c.GetString()!.EndsWith("/customers/$deletedEntity", StringComparison.Ordinal));
        Assert.Equal(doomed.GetProperty("id").GetGuid(), removed.GetProperty("id").GetGuid());
        Assert.Equal("deleted", removed.GetProperty("@removed").GetProperty("reason").GetString());
        var present = Assert.Single(rows, r => !r.TryGetProperty("@odata.context", out _));
        Assert.Equal(added.GetProperty("id").GetGuid(), present.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task sales_orders_created_then_deleted_are_tracked_too()
    {
        var (_, baseline, _) = await TrackedReadAsync($"{erp.Company}/salesOrders");
        var item = await erp.ItemAsync(erp.Unblocked(4).Number);
        var order = await erp.CreateOrderAsync("SHOPIFY-DELTA-1", erp.Estate.Customers[3].Number, (item.GetProperty("id").GetGuid(), 1));

        var (created, afterCreate, _) = await FollowAsync(baseline.GetProperty("@odata.deltaLink").GetString()!);
        Assert.Equal(order.GetProperty("id").GetGuid(), Assert.Single(created).GetProperty("id").GetGuid());

        var current = await erp.GetJsonAsync($"{erp.Company}/salesOrders({order.GetProperty("id").GetGuid()})");
        using (var deleted = await DeleteAsync($"{erp.Company}/salesOrders({order.GetProperty("id").GetGuid()})", current.GetProperty("@odata.etag").GetString()!))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        var (removed, _, _) = await FollowAsync(afterCreate.GetProperty("@odata.deltaLink").GetString()!);
        var entry = Assert.Single(removed);
        Assert.EndsWith("/salesOrders/$deletedEntity", entry.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_expired_or_unknown_delta_token_is_410_gone_with_a_location_to_start_over()
    {
        var (_, baseline, _) = await TrackedReadAsync($"{erp.Company}/items?$filter=blocked eq false");
        var link = baseline.GetProperty("@odata.deltaLink").GetString()!;

        using var garbage = await erp.Http.GetAsync(new Uri($"{erp.Company}/items?$deltatoken=not-a-token", UriKind.Relative));
        await ErpMirrorFixture.AssertVendorErrorAsync(garbage, HttpStatusCode.Gone);
        using var otherSet = await erp.Http.GetAsync(new Uri(link.Replace("/items?", "/customers?", StringComparison.Ordinal)));
        await ErpMirrorFixture.AssertVendorErrorAsync(otherSet, HttpStatusCode.Gone);

        erp.Clock.Advance(TimeSpan.FromDays(31));
        using var expired = await erp.Http.GetAsync(new Uri(link));
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.EndsWith($"{erp.Company}/items?$filter=blocked eq false", expired.Headers.Location!.ToString(), StringComparison.Ordinal);
        await ErpMirrorFixture.AssertVendorErrorAsync(expired, HttpStatusCode.Gone);
    }

    [Fact]
    public async Task an_entity_set_without_change_tracking_ignores_the_preference_and_refuses_a_token_with_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{erp.Company}/locations");
        request.Headers.TryAddWithoutValidation("Prefer", "odata.track-changes");
        using var response = await erp.Http.SendAsync(request);
        var body = await ErpMirrorFixture.ReadAsync(response);
        Assert.False(body.TryGetProperty("@odata.deltaLink", out _));
        Assert.False(response.Headers.Contains("Preference-Applied"));

        using var refused = await erp.Http.GetAsync(new Uri($"{erp.Company}/locations?$deltatoken=abc", UriKind.Relative));
        await ErpMirrorFixture.AssertVendorErrorAsync(refused, HttpStatusCode.BadRequest);
    }

    /// <summary>GET with <c>Prefer: odata.track-changes</c>, following nextLinks: every row, the last page, the page count.</summary>
    private async Task<(List<JsonElement> Rows, JsonElement Last, int Pages)> TrackedReadAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Prefer", "odata.track-changes");
        using var response = await erp.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("odata.track-changes", string.Join(',', response.Headers.GetValues("Preference-Applied")));
        return await RestAsync(await ErpMirrorFixture.ReadAsync(response));
    }

    private async Task<(List<JsonElement> Rows, JsonElement Last, int Pages)> FollowAsync(string deltaLink) =>
        await RestAsync(await erp.GetJsonAsync(deltaLink));

    private async Task<(List<JsonElement> Rows, JsonElement Last, int Pages)> RestAsync(JsonElement page)
    {
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        var pages = 1;
        while (page.TryGetProperty("@odata.nextLink", out var next))
        {
            Assert.False(page.TryGetProperty("@odata.deltaLink", out _), "only the last page carries the deltaLink");
            page = await erp.GetJsonAsync(next.GetString()!);
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            pages++;
        }
        return (rows, page, pages);
    }

    private async Task<HttpResponseMessage> DeleteAsync(string url, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await erp.Http.SendAsync(request);
    }
}
