using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>
/// Every field name the mirror returns on a standard API v2.0 page is one of the vendor's fields for
/// that page, as extracted from Microsoft's API page definitions (shared/vendor-specs/business-central).
/// </summary>
public sealed class VendorConformanceTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    private static readonly Lazy<Dictionary<string, List<string>>> VendorFields = new(Load);

    [Theory]
    [InlineData("items")]
    [InlineData("customers")]
    [InlineData("locations")]
    [InlineData("itemLedgerEntries")]
    [InlineData("salesOrders")]
    public async Task every_field_the_mirror_returns_is_in_the_vendors_page(string entitySet)
    {
        await EnsureDataAsync(entitySet);
        var rows = (await erp.GetAllAsync($"{erp.Company}/{entitySet}")).Rows;
        Assert.NotEmpty(rows);

        var allowed = VendorFields.Value[entitySet];
        var names = rows.SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Where(n => !n.StartsWith('@')).ToHashSet();
        Assert.Empty(names.Except(allowed));
    }

    [Fact]
    public async Task the_item_page_returns_every_vendor_field_in_page_order()
    {
        var row = (await erp.GetJsonAsync($"{erp.Company}/items?$top=1")).GetProperty("value")[0];

        var names = row.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).ToList();

        Assert.Equal(VendorFields.Value["items"], names);
    }

    [Fact]
    public async Task sales_order_lines_use_only_vendor_fields()
    {
        var order = await EnsureDataAsync("salesOrders");

        var lines = (await erp.GetAllAsync($"{erp.Company}/salesOrders({order})/salesOrderLines")).Rows;

        Assert.NotEmpty(lines);
        var names = lines.SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Where(n => !n.StartsWith('@')).ToHashSet();
        Assert.Empty(names.Except(VendorFields.Value["salesOrderLines"]));
    }

    private async Task<Guid?> EnsureDataAsync(string entitySet)
    {
        if (entitySet == "itemLedgerEntries")
        {
            using var posted = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(0).Sku}/stock-adjustments", new { locationCode = "WH01", quantity = 1 });
            posted.EnsureSuccessStatusCode();
        }
        if (entitySet == "salesOrders")
        {
            using var created = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
            {
                customerNumber = erp.Estate.Customers[0].Number,
                salesOrderLines = new[] { new { lineObjectNumber = erp.Unblocked(1).Number, quantity = 2 } },
            });
            created.EnsureSuccessStatusCode();
            return (await ErpMirrorFixture.ReadAsync(created)).GetProperty("id").GetGuid();
        }
        return null;
    }

    /// <summary>Field names per entity set, in the vendor's page order.</summary>
    private static Dictionary<string, List<string>> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SpecPath()));
        return doc.RootElement.EnumerateObject().ToDictionary(
            page => page.Value.GetProperty("EntitySetName").GetString()!,
            page => page.Value.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList(),
            StringComparer.Ordinal);
    }

    /// <summary>shared/vendor-specs beside the repository (found by walking up to SyncLab.sln), or SYNCLAB_VENDOR_SPECS.</summary>
    private static string SpecPath()
    {
        var root = Environment.GetEnvironmentVariable("SYNCLAB_VENDOR_SPECS");
        if (string.IsNullOrEmpty(root))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SyncLab.sln")))
            {
                dir = dir.Parent;
            }
            Assert.True(dir is not null, $"No SyncLab.sln above {AppContext.BaseDirectory}; set SYNCLAB_VENDOR_SPECS.");
            root = Path.Combine(dir.FullName, "..", "shared", "vendor-specs");
        }
        var path = Path.Combine(root, "business-central", "apiv2-pages.fields.derived.json");
        Assert.True(File.Exists(path), $"Vendor spec not found at {path}; set SYNCLAB_VENDOR_SPECS to the vendor-specs folder.");
        return path;
    }
}
