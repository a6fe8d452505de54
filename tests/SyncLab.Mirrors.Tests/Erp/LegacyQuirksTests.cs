using SyncLab.Estate;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>
/// The seed-7 estate with its quirk rates raised, so that 30 SKUs surely include drifted numbers and
/// negative stock (at the typical rates, 30 SKUs may have none).
/// </summary>
public sealed class QuirkyErpFixture : ErpMirrorFixture
{
    protected override EstateOptions EstateOptions => new()
    {
        Seed = 7,
        Skus = 30,
        Quirks = LegacyQuirks.Typical with { SkuDrift = 0.3, NegativeStock = 0.3 },
    };
}

public sealed class LegacyQuirksTests(QuirkyErpFixture erp) : IClassFixture<QuirkyErpFixture>
{
    [Fact]
    public async Task drifted_numbers_are_served_exactly_as_the_office_keyed_them()
    {
        var drifted = erp.Estate.Items.Where(i => i.Number != i.Sku).ToList();
        Assert.NotEmpty(drifted);

        var rows = (await erp.GetAllAsync($"{erp.Company}/items")).Rows;

        foreach (var item in drifted)
        {
            Assert.Contains(rows, r => r.GetProperty("number").GetString() == item.Number);
            Assert.DoesNotContain(rows, r => r.GetProperty("number").GetString() == item.Sku);
        }
        Assert.Contains(drifted, i => i.Number.EndsWith(' ') || !string.Equals(i.Number, i.Number.ToUpperInvariant(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task items_created_before_the_upgrade_carry_the_brand_in_display_name_2_and_none_in_web_items()
    {
        var old = erp.Estate.Items.First(i => i.Description2.Length > 0);
        var recent = erp.Estate.Items.First(i => i.Brand.Length > 0);

        var items = (await erp.GetAllAsync($"{erp.Company}/items")).Rows;
        var webItems = (await erp.GetAllAsync($"/api/synclab/commerce/v1.0/companies({erp.CompanyId})/webItems")).Rows;

        Assert.Equal(old.Description2, items.Single(r => r.GetProperty("number").GetString() == old.Number).GetProperty("displayName2").GetString());
        Assert.Equal("", webItems.Single(r => r.GetProperty("number").GetString() == old.Number).GetProperty("brand").GetString());
        Assert.Equal("", items.Single(r => r.GetProperty("number").GetString() == recent.Number).GetProperty("displayName2").GetString());
        var recentWeb = webItems.Single(r => r.GetProperty("number").GetString() == recent.Number);
        Assert.Equal(recent.Brand, recentWeb.GetProperty("brand").GetString());
        Assert.Equal(recent.WebEnabled, recentWeb.GetProperty("webEnabled").GetBoolean());
    }

    [Fact]
    public async Task inventory_is_the_sum_of_the_estate_stock_and_may_be_negative()
    {
        var totals = erp.Estate.Stock.GroupBy(s => s.Sku).ToDictionary(g => g.Key, g => g.Sum(s => s.Quantity));
        Assert.Contains(totals.Values, v => v < 0);

        var rows = (await erp.GetAllAsync($"{erp.Company}/items?$select=number,inventory")).Rows;

        foreach (var item in erp.Estate.Items)
        {
            var row = rows.Single(r => r.GetProperty("number").GetString() == item.Number);
            Assert.Equal(totals[item.Sku], row.GetProperty("inventory").GetDecimal());
        }
        var negative = (await erp.GetAllAsync($"{erp.Company}/items?$filter=inventory lt 0")).Rows;
        Assert.Equal(totals.Count(t => t.Value < 0), negative.Count);
    }

    [Fact]
    public async Task the_office_finds_a_drifted_item_by_its_clean_sku()
    {
        var drifted = erp.Estate.Items.First(i => i.Number != i.Sku && !i.Blocked);

        var card = await erp.GetJsonAsync($"/_synclab/erp/items/{Uri.EscapeDataString(drifted.Sku.ToLowerInvariant())}");

        Assert.Equal(drifted.Number, card.GetProperty("number").GetString());
    }
}
