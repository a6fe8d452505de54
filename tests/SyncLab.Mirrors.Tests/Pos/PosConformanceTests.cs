using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary>Every operation the Square mirror implements answers in the shape of Square's published OpenAPI (2025-08-20).</summary>
public sealed class PosConformanceTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private static readonly OpenApiShape Spec = OpenApiShape.Square;

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static void Conforms(Reply reply, string path, string method)
    {
        var violations = Spec.Violations(reply.Body, Spec.ResponseSchema(path, method));
        Assert.True(violations.Count == 0, $"{method.ToUpperInvariant()} {path} ({reply.Status}):\n" + string.Join('\n', violations));
    }

    private string Sku => mirror.Estate.Items.First(i => !i.Blocked).Sku;

    [Fact]
    public async Task catalog_and_location_answers_conform()
    {
        Conforms(await mirror.Square.GetJsonAsync("/v2/locations"), "/v2/locations", "get");
        Conforms(await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM,ITEM_VARIATION"), "/v2/catalog/list", "get");
        Conforms(
            await mirror.Square.PostJsonAsync("/v2/catalog/search", new { include_related_objects = true, query = new { exact_query = new { attribute_name = "sku", attribute_value = Sku } } }),
            "/v2/catalog/search", "post");
        Conforms(await mirror.Square.PostJsonAsync("/v2/catalog/search-catalog-items", new { text_filter = Sku }), "/v2/catalog/search-catalog-items", "post");
    }

    [Fact]
    public async Task inventory_answers_conform()
    {
        Conforms(await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new { limit = 5 }), "/v2/inventory/counts/batch-retrieve", "post");
        Conforms(
            await mirror.Square.PostJsonAsync("/v2/inventory/changes/batch-create", new
            {
                idempotency_key = "conformance-1",
                changes = new object[]
                {
                    new { type = "ADJUSTMENT", adjustment = new { from_state = "IN_STOCK", to_state = "WASTE", location_id = SquareIds.Location("ST01"), catalog_object_id = SquareIds.Variation(Sku), quantity = "1" } },
                    new { type = "PHYSICAL_COUNT", physical_count = new { state = "IN_STOCK", location_id = SquareIds.Location("ST02"), catalog_object_id = SquareIds.Variation(Sku), quantity = "9" } },
                },
            }),
            "/v2/inventory/changes/batch-create", "post");
    }

    [Fact]
    public async Task order_and_payment_answers_conform()
    {
        var created = await mirror.Square.PostJsonAsync("/v2/orders", new
        {
            idempotency_key = "conformance-order",
            order = new { location_id = SquareIds.Location("ST01"), reference_id = "till-1", line_items = new[] { new { catalog_object_id = SquareIds.Variation(Sku), quantity = "1" } } },
        });
        Conforms(created, "/v2/orders", "post");
        var orderId = (string)created.Json!["order"]!["id"]!;
        var total = (long)created.Json["order"]!["total_money"]!["amount"]!;
        Conforms(
            await mirror.Square.PostJsonAsync("/v2/payments", new
            {
                idempotency_key = "conformance-pay",
                source_id = "CASH",
                order_id = orderId,
                amount_money = new { amount = total, currency = "USD" },
                cash_details = new { buyer_supplied_money = new { amount = total, currency = "USD" } },
            }),
            "/v2/payments", "post");
        Conforms(await mirror.Square.GetJsonAsync("/v2/orders/" + orderId), "/v2/orders/{order_id}", "get");
    }

    [Fact]
    public async Task webhook_subscription_answers_conform()
    {
        var created = await mirror.Square.PostJsonAsync("/v2/webhooks/subscriptions", new
        {
            subscription = new { name = "conformance", event_types = new[] { "inventory.count.updated" }, notification_url = "http://127.0.0.1:9/hooks" },
        });
        Conforms(created, "/v2/webhooks/subscriptions", "post");
        Conforms(await mirror.Square.GetJsonAsync("/v2/webhooks/subscriptions"), "/v2/webhooks/subscriptions", "get");
        var id = (string)created.Json!["subscription"]!["id"]!;
        Conforms(await mirror.Square.GetJsonAsync("/v2/webhooks/subscriptions/" + id), "/v2/webhooks/subscriptions/{subscription_id}", "get");
    }

    [Fact]
    public async Task error_answers_conform()
    {
        var unauthorized = await mirror.Plain.GetJsonAsync("/v2/locations");
        var invalid = await mirror.Square.PostRawAsync("/v2/inventory/changes/batch-create", "{\"idempotency_key\":\"x\",\"changes\":[{\"type\":\"ADJUSTMENT\"}]}");

        Assert.Equal(401, unauthorized.Status);
        Assert.Equal(400, invalid.Status);
        Conforms(unauthorized, "/v2/locations", "get");
        Conforms(invalid, "/v2/inventory/changes/batch-create", "post");
    }
}
