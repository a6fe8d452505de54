using System.Net;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Storage;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The ERP mirror on a SQLite file: what the InMemory provider forgives (owned types, IN lists, decimals) must translate.</summary>
public sealed class SqliteErpMirrorFixture : ErpMirrorFixture
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"synclab-erp-sales-{Guid.NewGuid():N}.db");

    protected override MirrorHostOptions HostOptions => new() { Store = new StoreOptions(StoreKind.Sqlite, $"Data Source={_file}") };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}

public sealed class SalesOnSqliteTests(SqliteErpMirrorFixture erp) : IClassFixture<SqliteErpMirrorFixture>
{
    [Fact]
    public async Task on_sqlite_a_shopper_is_created_ordered_for_invoiced_and_refunded()
    {
        using var created = await erp.PostJsonAsync($"{erp.Company}/customers", new { displayName = "Lin Sqlite", type = "Person", email = "Lin@Example.com" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var customer = Assert.Single(await erp.WhereAsync("customers", "email eq 'lin@example.com'"));
        var number = customer.GetProperty("number").GetString()!;
        var item = await erp.ItemAsync(erp.Unblocked(3).Number);
        var order = await erp.CreateOrderAsync("SHOPIFY-7001", number, (item.GetProperty("id").GetGuid(), 2));
        var expanded = await erp.GetJsonAsync($"{erp.Company}/salesOrders?$filter={Uri.EscapeDataString("externalDocumentNumber eq 'SHOPIFY-7001'")}&$expand=salesOrderLines");
        Assert.Single(expanded.GetProperty("value")[0].GetProperty("salesOrderLines").EnumerateArray());

        using var posted = await erp.ShipAndInvoiceAsync(order.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        var invoice = Assert.Single(await erp.WhereAsync("salesInvoices", $"orderNumber eq '{order.GetProperty("number").GetString()}'"));
        using var memo = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
        {
            customerId = customer.GetProperty("id").GetGuid(),
            invoiceNumber = invoice.GetProperty("number").GetString(),
            salesCreditMemoLines = new[] { new { itemId = item.GetProperty("id").GetGuid(), quantity = 1m } },
        });
        Assert.Equal(HttpStatusCode.Created, memo.StatusCode);
        var memoId = (await ErpMirrorFixture.ReadAsync(memo)).GetProperty("id").GetGuid();
        using var refunded = await erp.Http.PostAsync($"{erp.Company}/salesCreditMemos({memoId})/Microsoft.NAV.post", null);
        Assert.Equal(HttpStatusCode.NoContent, refunded.StatusCode);

        Assert.Equal(item.GetProperty("inventory").GetDecimal() - 1, (await erp.ItemAsync(item.GetProperty("number").GetString()!)).GetProperty("inventory").GetDecimal());
        var open = await erp.GetJsonAsync($"{erp.Company}/salesInvoices({invoice.GetProperty("id").GetGuid()})");
        Assert.Equal(invoice.GetProperty("totalAmountExcludingTax").GetDecimal() / 2, open.GetProperty("remainingAmount").GetDecimal());
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"{erp.Company}/customers({customer.GetProperty("id").GetGuid()})");
        delete.Headers.TryAddWithoutValidation("If-Match", "*");
        using var refused = await erp.Http.SendAsync(delete);
        Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(refused, HttpStatusCode.BadRequest));
        Assert.Contains("ledger entries in a fiscal year that has not been closed yet", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
