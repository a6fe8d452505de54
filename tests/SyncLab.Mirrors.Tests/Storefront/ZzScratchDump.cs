using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

public sealed class ZzScratchDump(WebhookStorefrontHost host) : IClassFixture<WebhookStorefrontHost>
{
    [Fact]
    public async Task dump()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("ORDERS_CREATE", "CUSTOMERS_CREATE", "FULFILLMENTS_CREATE", "REFUNDS_CREATE", "ORDERS_UPDATED");
        var sku = host.WebSkus[0];
        await host.SetAvailableAsync(sku, 10);
        var order = await host.PlaceOrderAsync(new { email = "a@example.com", lines = new[] { new { sku, quantity = 2 }, new { sku = host.WebSkus[1], quantity = 1 } } }, System.Net.HttpStatusCode.UnprocessableEntity);
        File.WriteAllText("/tmp/dump-problem.json", order.ToString());
        await host.SetAvailableAsync(host.WebSkus[1], 10);
        order = await host.PlaceOrderAsync(new { email = "a@example.com", lines = new[] { new { sku, quantity = 2 }, new { sku = host.WebSkus[1], quantity = 1 } } });
        File.WriteAllText("/tmp/dump-action.json", order.ToString());
        var id = order.GetProperty("id").GetString()!;
        await host.FulfillAllAsync(id, new { company = "UPS", number = "1Z", url = "https://ups.example/1Z" });
        var line = (await host.OrderAsync(id)).GetProperty("lineItems").GetProperty("nodes")[0].GetProperty("id").GetString();
        await host.DataAsync(OrderOperations.CreateRefund, new { input = new { orderId = id, refundLineItems = new[] { new { lineItemId = line, quantity = 1, restockType = "RETURN" } }, transactions = new[] { new { orderId = id, gateway = "shopify_payments", kind = "REFUND", amount = "5.00" } } } });
        var answer = await host.GraphAsync(OrderOperations.OrdersSince, new { query = "updated_at:>='2020-01-01'" });
        File.WriteAllText("/tmp/dump-orders.json", answer.ToString());
        var full = await host.GraphAsync(OrderOperations.FulfillmentOrders, new { id });
        File.WriteAllText("/tmp/dump-fo.json", full.ToString());
        var (_, created, _) = await host.DeliveryAsync("orders/create");
        File.WriteAllText("/tmp/dump-orders-create.json", created.ToString());
        var (_, c, _) = await host.DeliveryAsync("customers/create");
        File.WriteAllText("/tmp/dump-customers-create.json", c.ToString());
        var (_, f, _) = await host.DeliveryAsync("fulfillments/create");
        File.WriteAllText("/tmp/dump-fulfillments-create.json", f.ToString());
        var (_, r, _) = await host.DeliveryAsync("refunds/create");
        File.WriteAllText("/tmp/dump-refunds-create.json", r.ToString());
        var (_, u, _) = await host.DeliveryAsync("orders/updated", b => b.GetProperty("refunds").GetArrayLength() > 0);
        File.WriteAllText("/tmp/dump-orders-updated.json", u.ToString());
        File.WriteAllText("/tmp/dump-ledger.txt", string.Join("\n", host.Ledger.Since(0).Where(e => e.Kind == "effect").Select(e => e.Summary)));
    }
}
