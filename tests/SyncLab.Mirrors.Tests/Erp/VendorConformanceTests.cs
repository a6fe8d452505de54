using System.Text.Json;
using Xunit;
using SyncLab.Mirrors.Tests.Conformance;

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
    [InlineData("salesShipments")]
    [InlineData("salesInvoices")]
    [InlineData("salesCreditMemos")]
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

    [Theory]
    [InlineData("salesOrders", "salesOrderLines")]
    [InlineData("salesShipments", "salesShipmentLines")]
    [InlineData("salesInvoices", "salesInvoiceLines")]
    [InlineData("salesCreditMemos", "salesCreditMemoLines")]
    public async Task document_lines_use_only_vendor_fields_whether_read_or_expanded(string documents, string lineSet)
    {
        var document = await EnsureDataAsync(documents);

        var lines = (await erp.GetAllAsync($"{erp.Company}/{documents}({document})/{lineSet}")).Rows;
        var expanded = (await erp.GetJsonAsync($"{erp.Company}/{documents}({document})?$expand={lineSet}")).GetProperty(lineSet).EnumerateArray().ToList();

        Assert.NotEmpty(lines);
        Assert.Equal(lines.Count, expanded.Count);
        var names = lines.Concat(expanded).SelectMany(r => r.EnumerateObject().Select(p => p.Name)).Where(n => !n.StartsWith('@')).ToHashSet();
        Assert.Empty(names.Except(VendorFields.Value[lineSet]));
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("salesOrders")]
    [InlineData("salesShipments")]
    [InlineData("salesInvoices")]
    [InlineData("salesCreditMemos")]
    public async Task document_and_customer_pages_return_the_vendors_fields_in_page_order(string entitySet)
    {
        await EnsureDataAsync(entitySet);

        var row = (await erp.GetJsonAsync($"{erp.Company}/{entitySet}?$top=1")).GetProperty("value")[0];

        var names = row.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).ToList();
        Assert.Equal(VendorFields.Value[entitySet], names);
    }

    private async Task<Guid?> EnsureDataAsync(string entitySet)
    {
        if (entitySet == "itemLedgerEntries")
        {
            using var posted = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(0).Sku}/stock-adjustments", new { locationCode = "WH01", quantity = 1 });
            posted.EnsureSuccessStatusCode();
        }
        if (entitySet is "salesOrders" or "salesShipments" or "salesInvoices" or "salesCreditMemos")
        {
            using var created = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
            {
                customerNumber = erp.Estate.Customers[0].Number,
                salesOrderLines = new[] { new { lineObjectNumber = erp.Unblocked(1).Number, quantity = 2 } },
            });
            created.EnsureSuccessStatusCode();
            var order = await ErpMirrorFixture.ReadAsync(created);
            if (entitySet == "salesOrders")
            {
                return order.GetProperty("id").GetGuid();
            }
            using var posted = await erp.ShipAndInvoiceAsync(order.GetProperty("id").GetGuid());
            posted.EnsureSuccessStatusCode();
            var invoice = Assert.Single(await erp.WhereAsync("salesInvoices", $"orderNumber eq '{order.GetProperty("number").GetString()}'"));
            if (entitySet == "salesInvoices")
            {
                return invoice.GetProperty("id").GetGuid();
            }
            if (entitySet == "salesShipments")
            {
                return Assert.Single(await erp.WhereAsync("salesShipments", $"orderNumber eq '{order.GetProperty("number").GetString()}'")).GetProperty("id").GetGuid();
            }
            using var memo = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
            {
                customerNumber = erp.Estate.Customers[0].Number,
                invoiceId = invoice.GetProperty("id").GetGuid(),
                salesCreditMemoLines = new[] { new { lineObjectNumber = erp.Unblocked(1).Number, quantity = 1 } },
            });
            memo.EnsureSuccessStatusCode();
            return (await ErpMirrorFixture.ReadAsync(memo)).GetProperty("id").GetGuid();
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

    private static string SpecPath() => VendorSpecs.File("business-central", "apiv2-pages.fields.derived.json");
}
