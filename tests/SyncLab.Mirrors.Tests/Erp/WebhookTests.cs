using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class WebhookTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_subscriber_gets_an_id_only_notification_with_its_client_state_after_the_delay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver, "items", "s3cret");
        Assert.Equal(1, receiver.Validations);
        Assert.Equal(erp.Clock.GetUtcNow().AddDays(3), subscription.GetProperty("expirationDateTime").GetDateTimeOffset());
        var item = erp.Unblocked(7);

        using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{item.Sku}/price", new { unitPrice = 3.33m });
        var itemId = (await ErpMirrorFixture.ReadAsync(changed)).GetProperty("id").GetGuid();
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        var body = await receiver.NextAsync();
        var notification = Assert.Single(body.GetProperty("value").EnumerateArray());
        Assert.Equal(subscription.GetProperty("subscriptionId").GetString(), notification.GetProperty("subscriptionId").GetString());
        Assert.Equal("s3cret", notification.GetProperty("clientState").GetString());
        Assert.Equal("updated", notification.GetProperty("changeType").GetString());
        Assert.Equal($"api/v2.0/companies({erp.CompanyId})/items({itemId})", notification.GetProperty("resource").GetString());
        await DeleteAsync(subscription);
    }

    [Fact]
    public async Task several_changes_to_one_item_within_the_delay_make_one_notification()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver, "items", "");
        var item = erp.Unblocked(8);

        for (var i = 1; i <= 3; i++)
        {
            using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{item.Sku}/price", new { unitPrice = 10m + i });
            erp.Clock.Advance(TimeSpan.FromSeconds(5));
        }
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        var body = await receiver.NextAsync();
        Assert.Single(body.GetProperty("value").EnumerateArray());
        await DeleteAsync(subscription);
    }

    [Fact]
    public async Task a_subscription_is_refused_when_the_handshake_does_not_echo_the_token()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.EchoToken = false;

        using var response = await erp.PostJsonAsync("/api/v2.0/subscriptions", new { notificationUrl = receiver.Url, resource = $"{erp.Company}/items" });

        await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task renewing_with_patch_handshakes_again_and_extends_the_expiry_by_three_days()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await SubscribeAsync(receiver, "customers", "a");
        erp.Clock.Advance(TimeSpan.FromDays(2));
        var url = $"/api/v2.0/subscriptions('{subscription.GetProperty("subscriptionId").GetString()}')";

        using var renewed = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"clientState": "b"}""", subscription.GetProperty("@odata.etag").GetString());

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var body = await ErpMirrorFixture.ReadAsync(renewed);
        Assert.Equal(2, receiver.Validations);
        Assert.Equal(erp.Clock.GetUtcNow().AddDays(3), body.GetProperty("expirationDateTime").GetDateTimeOffset());
        Assert.Equal("b", body.GetProperty("clientState").GetString());
        await DeleteAsync(body);
    }

    [Fact]
    public async Task a_subscriber_answering_a_client_error_loses_its_subscription()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.NotificationStatus = 400;
        var subscription = await SubscribeAsync(receiver, "items", "");
        var id = subscription.GetProperty("subscriptionId").GetString();

        using var changed = await erp.PostJsonAsync($"/_synclab/erp/items/{erp.Unblocked(9).Sku}/price", new { unitPrice = 5m });
        erp.Clock.Advance(TimeSpan.FromSeconds(30));
        await receiver.NextAsync();

        await Eventually(async () =>
        {
            using var response = await erp.Http.GetAsync($"/api/v2.0/subscriptions('{id}')");
            return response.StatusCode == HttpStatusCode.NotFound;
        });
    }

    [Fact]
    public async Task a_resource_that_does_not_notify_is_refused()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        using var response = await erp.PostJsonAsync("/api/v2.0/subscriptions", new { notificationUrl = receiver.Url, resource = $"{erp.Company}/locations" });

        await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(0, receiver.Validations);
    }

    [Fact]
    public async Task ship_and_invoice_notifies_the_order_as_deleted_and_the_invoice_as_created()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var orders = await SubscribeAsync(receiver, "salesOrders", "orders");
        var invoices = await SubscribeAsync(receiver, "salesInvoices", "invoices");
        var item = await erp.ItemAsync(erp.Unblocked(12).Number);
        var order = await erp.CreateOrderAsync("SHOPIFY-8001", erp.Estate.Customers[12].Number, (item.GetProperty("id").GetGuid(), 1));
        var orderId = order.GetProperty("id").GetGuid();

        using (var posted = await erp.ShipAndInvoiceAsync(orderId))
        {
            Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        }
        erp.Clock.Advance(TimeSpan.FromSeconds(30));

        var body = await receiver.NextAsync();
        var notifications = body.GetProperty("value").EnumerateArray().ToList();
        var invoice = Assert.Single(await erp.WhereAsync("salesInvoices", "externalDocumentNumber eq 'SHOPIFY-8001'"));
        Assert.Contains(notifications, n => n.GetProperty("changeType").GetString() == "deleted"
            && n.GetProperty("resource").GetString() == $"api/v2.0/companies({erp.CompanyId})/salesOrders({orderId})");
        Assert.Contains(notifications, n => n.GetProperty("changeType").GetString() == "created"
            && n.GetProperty("resource").GetString() == $"api/v2.0/companies({erp.CompanyId})/salesInvoices({invoice.GetProperty("id").GetGuid()})");
        await DeleteAsync(orders);
        await DeleteAsync(invoices);
    }

    private async Task<JsonElement> SubscribeAsync(WebhookReceiver receiver, string entitySet, string clientState)
    {
        using var response = await erp.PostJsonAsync("/api/v2.0/subscriptions", new { notificationUrl = receiver.Url, resource = $"{erp.Company}/{entitySet}", clientState });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ErpMirrorFixture.ReadAsync(response);
    }

    private async Task DeleteAsync(JsonElement subscription)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v2.0/subscriptions('{subscription.GetProperty("subscriptionId").GetString()}')");
        using var response = await erp.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Waits for a condition that follows asynchronously from a delivery (up to 10 s real time).</summary>
    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        Assert.Fail("The condition did not hold within 10 seconds.");
    }
}
