using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncLab.MirrorKit.Ledger;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class OfficeActionsTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task the_office_finds_items_by_number_trimmed_and_in_any_case()
    {
        var item = erp.Unblocked(2);

        var card = await erp.GetJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString("  " + item.Sku.ToLowerInvariant() + " ")}");

        Assert.Equal(item.Number, card.GetProperty("number").GetString());
        Assert.Equal(item.Description, card.GetProperty("description").GetString());
    }

    [Fact]
    public async Task an_unknown_item_is_a_404_problem()
    {
        using var response = await erp.PostJsonAsync("/_synclab/erp/items/NOPE-1/stock-adjustments", new { locationCode = "WH01", quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ErpMirrorFixture.ReadAsync(response);
        Assert.Equal("https://synclab.dev/problems/erp-unknown-item", problem.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("XX99", 1)]
    [InlineData("WH01", 0)]
    public async Task an_adjustment_at_an_unknown_location_or_of_nothing_is_a_400_problem(string location, int quantity)
    {
        using var response = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(0).Sku}/stock-adjustments", new { locationCode = location, quantity });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task every_office_action_is_recorded_as_an_effect_in_the_ledger()
    {
        var ledger = erp.App.Services.GetRequiredService<MirrorLedger>();
        var seen = ledger.Since(0, 10_000);
        var before = seen.Count == 0 ? 0 : seen[^1].Sequence;

        using var response = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(3).Sku}/price", new { unitPrice = 77.7m });

        response.EnsureSuccessStatusCode();
        var effect = Assert.Single(ledger.Since(before), e => e.Kind == "effect");
        Assert.Contains("UnitPrice=77.7", effect.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_new_item_appears_in_the_vendor_api_with_its_web_fields_in_web_items()
    {
        erp.Clock.Advance(TimeSpan.FromMinutes(10));
        using var created = await erp.PostJsonAsync("/_synclab/erp/items", new
        {
            number = "NEW-0001",
            description = "Oak Lamp Large",
            unitPrice = 49.5m,
            webEnabled = true,
            brand = "Northwind",
            category = "HOME",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await ErpMirrorFixture.ReadAsync(created)).GetProperty("id").GetGuid();
        var item = await erp.GetJsonAsync($"{erp.Company}/items({id})");
        Assert.Equal("NEW-0001", item.GetProperty("number").GetString());
        Assert.Equal(49.5m, item.GetProperty("unitPrice").GetDecimal());
        Assert.Equal(0m, item.GetProperty("inventory").GetDecimal());
        var web = await erp.GetJsonAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems({id})");
        Assert.True(web.GetProperty("webEnabled").GetBoolean());
        Assert.Equal("Northwind", web.GetProperty("brand").GetString());

        using var duplicate = await erp.PostJsonAsync("/_synclab/erp/items", new { number = "new-0001 ", description = "Again", unitPrice = 1m });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task the_office_can_take_an_item_off_the_web_and_block_it()
    {
        var item = erp.Unblocked(4);

        using var response = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{item.Sku}", new { webEnabled = false, blocked = true });

        var card = await ErpMirrorFixture.ReadAsync(response);
        Assert.False(card.GetProperty("webEnabled").GetBoolean());
        Assert.True(card.GetProperty("blocked").GetBoolean());
        using var refused = await erp.PostJsonAsync($"/_synclab/erp/items/{item.Sku}/stock-adjustments", new { locationCode = "WH01", quantity = 1 });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("https://synclab.dev/problems/erp-item-blocked", (await ErpMirrorFixture.ReadAsync(refused)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task a_closed_period_refuses_postings_dated_in_it()
    {
        var item = erp.Unblocked(5);
        using (var closed = await erp.Http.PutAsJsonAsync("/_synclab/erp/posting-period", new { allowPostingFrom = "2026-11-01" }))
        {
            closed.EnsureSuccessStatusCode();
        }
        try
        {
            using var refused = await erp.PostJsonAsync($"/_synclab/erp/items/{item.Sku}/stock-adjustments",
                new { locationCode = "WH01", quantity = 1, postingDate = "2026-10-31" });
            using var accepted = await erp.PostJsonAsync($"/_synclab/erp/items/{item.Sku}/stock-adjustments",
                new { locationCode = "WH01", quantity = 1, postingDate = "2026-11-02" });

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("https://synclab.dev/problems/erp-period-closed", (await ErpMirrorFixture.ReadAsync(refused)).GetProperty("type").GetString());
            Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        }
        finally
        {
            using var reopened = await erp.Http.PutAsJsonAsync("/_synclab/erp/posting-period", new { allowPostingFrom = (string?)null });
        }
    }

    [Fact]
    public async Task the_admin_area_wants_the_admin_token_when_one_is_set()
    {
        await using var locked = new TokenErpFixture();
        await locked.InitializeAsync();

        using var without = await locked.Http.GetAsync("/_synclab/erp/posting-period");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_synclab/erp/posting-period");
        request.Headers.Authorization = new("Bearer", "admin-secret");
        using var with = await locked.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ErpMirrorFixture.ReadAsync(with)).GetProperty("allowPostingFrom").ValueKind);
    }

    private sealed class TokenErpFixture : ErpMirrorFixture, IAsyncDisposable
    {
        protected override SyncLab.MirrorKit.Hosting.MirrorHostOptions HostOptions => new() { AdminToken = "admin-secret" };

        ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
    }
}
