using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Storage;
using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>A storefront on a SQLite file: the order queries and writes must translate on a relational provider too.</summary>
public sealed class SqliteStorefrontHost : StorefrontHost
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "synclab-storefront-" + Guid.NewGuid().ToString("N"));

    protected override MirrorHostOptions HostOptions => new() { Store = new StoreOptions(StoreKind.Sqlite, Directory: _folder) };

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class OrdersOnSqliteTests(SqliteStorefrontHost host) : IClassFixture<SqliteStorefrontHost>
{
    [Fact]
    public async Task an_order_is_placed_searched_shipped_refunded_and_another_cancelled_on_sqlite()
    {
        var sku = host.WebSkus[20];
        await host.SetAvailableAsync(sku, 10);
        var shipped = await host.OrderSkuAsync(sku, 2, "sqlite@example.com");
        var cancelled = await host.OrderSkuAsync(sku, 1, "SQLite@example.com");
        var shippedId = shipped.GetProperty("id").GetString()!;

        await host.FulfillAllAsync(shippedId, new { company = "DHL", number = "JD0001" });
        var lineItemId = (await host.OrderAsync(shippedId)).GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();
        var refund = (await host.DataAsync(OrderOperations.CreateRefund, new
        {
            input = new { orderId = shippedId, refundLineItems = new[] { new { lineItemId, quantity = 1, restockType = "RETURN" } } },
        })).GetProperty("refundCreate");
        var cancel = (await host.DataAsync(OrderOperations.CancelOrder, new { orderId = cancelled.GetProperty("id").GetString(), reason = "INVENTORY", refund = false, restock = true }))
            .GetProperty("orderCancel");

        Assert.Empty(refund.GetProperty("userErrors").EnumerateArray());
        Assert.Empty(cancel.GetProperty("orderCancelUserErrors").EnumerateArray());
        var quantities = await host.QuantitiesAsync(sku);
        Assert.Equal((9, 0, 9), (quantities["available"], quantities["committed"], quantities["on_hand"]));
        var found = await host.DataAsync(
            "{ open: orders(first: 5, query: \"status:cancelled sku:" + sku + "\") { nodes { name } } all: orders(first: 5, query: \"email:sqlite@example.com updated_at:>='2026-01-01'\") { nodes { name } } customers(first: 5, query: \"sqlite\") { nodes { numberOfOrders amountSpent { amount } } } }");
        Assert.Equal("#1002", Assert.Single(found.GetProperty("open").GetProperty("nodes").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(2, found.GetProperty("all").GetProperty("nodes").GetArrayLength());
        Assert.Equal("2", Assert.Single(found.GetProperty("customers").GetProperty("nodes").EnumerateArray()).GetProperty("numberOfOrders").GetString());
    }
}
