using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class ChangeTrackingTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    private static string Since(DateTimeOffset at) => Uri.EscapeDataString($"lastModifiedDateTime gt {at.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}");

    [Fact]
    public async Task after_a_stock_adjustment_a_last_modified_filter_returns_only_the_changed_item()
    {
        erp.Clock.Advance(TimeSpan.FromHours(1));
        var watermark = erp.Clock.GetUtcNow();
        erp.Clock.Advance(TimeSpan.FromMinutes(5));
        var item = erp.Unblocked(5);
        var before = await ItemAsync(item.Number);

        using var posted = await erp.PostJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString(item.Sku)}/stock-adjustments",
            new { locationCode = "WH01", quantity = -3, reason = "Damaged in the warehouse" });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var changed = (await erp.GetAllAsync($"{erp.Company}/items?$filter={Since(watermark)}")).Rows;
        var row = Assert.Single(changed);
        Assert.Equal(item.Number, row.GetProperty("number").GetString());
        Assert.Equal(before.GetProperty("inventory").GetDecimal() - 3, row.GetProperty("inventory").GetDecimal());
        Assert.Equal(erp.Clock.GetUtcNow(), row.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
        Assert.NotEqual(before.GetProperty("@odata.etag").GetString(), row.GetProperty("@odata.etag").GetString());
        Assert.EndsWith("Z", row.GetProperty("lastModifiedDateTime").GetString());
    }

    [Fact]
    public async Task a_stock_adjustment_posts_an_item_ledger_entry()
    {
        var item = erp.Unblocked(6);

        using var posted = await erp.PostJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString(item.Sku)}/stock-adjustments",
            new { locationCode = "ST01", quantity = 12, reason = "Cycle count" });

        var adjusted = await ErpMirrorFixture.ReadAsync(posted);
        var entryNumber = adjusted.GetProperty("entryNumber").GetInt64();
        var entries = (await erp.GetAllAsync($"{erp.Company}/itemLedgerEntries?$filter=entryNumber eq {entryNumber}")).Rows;
        var entry = Assert.Single(entries);
        Assert.Equal(item.Number, entry.GetProperty("itemNumber").GetString());
        Assert.Equal(12m, entry.GetProperty("quantity").GetDecimal());
        Assert.Equal("Positive_x0020_Adjmt_x002E_", entry.GetProperty("entryType").GetString());
        Assert.Equal("Cycle count", entry.GetProperty("description").GetString());
        Assert.Equal("2026-11-02", entry.GetProperty("postingDate").GetString());
    }

    [Fact]
    public async Task a_price_change_in_the_office_moves_the_item_past_the_watermark()
    {
        erp.Clock.Advance(TimeSpan.FromMinutes(1));
        var watermark = erp.Clock.GetUtcNow();
        erp.Clock.Advance(TimeSpan.FromMinutes(1));
        var item = erp.Estate.Items[8];

        using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString(item.Number)}/price", new { unitPrice = 12.5m });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var rows = (await erp.GetAllAsync($"{erp.Company}/items?$filter={Since(watermark)}")).Rows;
        var row = Assert.Single(rows);
        Assert.Equal(12.5m, row.GetProperty("unitPrice").GetDecimal());
        Assert.Equal("12.5", row.GetProperty("unitPrice").GetRawText());
    }

    [Fact]
    public async Task a_filter_combining_watermark_and_number_with_and_narrows_both_ways()
    {
        var item = erp.Estate.Items[9];
        var filter = Uri.EscapeDataString($"lastModifiedDateTime ge 2000-01-01T00:00:00Z and number eq '{item.Number}'");

        var page = await erp.GetJsonAsync($"{erp.Company}/items?$filter={filter}");

        Assert.Equal(item.Number, Assert.Single(page.GetProperty("value").EnumerateArray()).GetProperty("number").GetString());
    }

    private async Task<JsonElement> ItemAsync(string number) =>
        (await erp.GetJsonAsync($"{erp.Company}/items?$filter={Uri.EscapeDataString($"number eq '{number}'")}")).GetProperty("value")[0];
}
