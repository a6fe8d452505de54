using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Pos;
using SyncLab.Mirrors.Tests.Support;
using SyncLab.Mirrors.Warehouse.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Warehouse;

/// <summary>ShipStation webhooks: subscriptions under /v2/environment/webhooks, signed <c>track</c> deliveries, retries on the business clock.</summary>
public sealed class WarehouseWebhookTests(WarehouseMirrorFixture mirror) : IClassFixture<WarehouseMirrorFixture>, IAsyncLifetime
{
    private static readonly OpenApiShape Spec = OpenApiShape.ShipStation;
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        await mirror.ResetAsync();
        _receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        using var off = await mirror.Plain.DeleteAsync(new Uri("/_synclab/webhook-chaos", UriKind.Relative));
        off.EnsureSuccessStatusCode();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task a_webhook_is_created_listed_read_updated_and_deleted_in_shipstation_shapes()
    {
        var created = await SubscribeAsync("track", headers: [new { key = "x-shop", value = "north" }]);
        Conforms(created, "/v2/environment/webhooks", "post");
        var id = (string)created.Json!["webhook_id"]!;
        Assert.Equal(("track", _receiver.Url, "x-shop", "north"),
            ((string)created.Json["event"]!, (string)created.Json["url"]!, (string)created.Json["headers"]![0]!["key"]!, (string)created.Json["headers"]![0]!["value"]!));

        var listed = await mirror.ShipStation.GetJsonAsync("/v2/environment/webhooks");
        Conforms(listed, "/v2/environment/webhooks", "get");
        Assert.Equal([id], listed.Json!.AsArray().Select(w => (string)w!["webhook_id"]!));

        using var updated = await SendAsync(HttpMethod.Put, $"/v2/environment/webhooks/{id}", """{"url":"https://example.test/hooks/v2"}""");
        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        var read = await mirror.ShipStation.GetJsonAsync($"/v2/environment/webhooks/{id}");
        Conforms(read, "/v2/environment/webhooks/{webhook_id}", "get");
        Assert.Equal("https://example.test/hooks/v2", (string)read.Json!["url"]!);
        Assert.Equal("north", (string)read.Json["headers"]![0]!["value"]!);

        using var deleted = await SendAsync(HttpMethod.Delete, $"/v2/environment/webhooks/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var gone = await mirror.ShipStation.GetJsonAsync($"/v2/environment/webhooks/{id}");
        Assert.Equal(404, gone.Status);
        Assert.Empty(Spec.Violations(gone.Body, Spec.Schema("error_response_body")));
    }

    [Theory]
    [InlineData("""{"event":"shipment_created","url":"https://example.test/h"}""", 400, "invalid_field_value")]
    [InlineData("""{"url":"https://example.test/h"}""", 400, "field_value_required")]
    [InlineData("""{"event":"track"}""", 400, "field_value_required")]
    [InlineData("""{"event":"track","url":"not a url"}""", 400, "invalid_field_value")]
    [InlineData("""{"event":"track","url":"https://example.test/h","headers":[{"key":"x-a"}]}""", 400, "field_value_required")]
    [InlineData("""{"event":7,"url":"https://example.test/h"}""", 400, "invalid_field_value")]
    [InlineData("""{"event":"track",""", 400, "invalid_field_value")]
    [InlineData("", 400, "request_body_required")]
    public async Task bad_webhook_requests_get_shipstation_4xx_errors(string body, int status, string errorCode)
    {
        var reply = await mirror.ShipStation.PostRawAsync("/v2/environment/webhooks", body);

        Assert.Equal(status, reply.Status);
        Assert.Equal(errorCode, (string)reply.Json!["errors"]![0]!["error_code"]!);
        Assert.Empty(Spec.Violations(reply.Body, Spec.Schema("error_response_body")));
    }

    [Fact]
    public async Task one_url_per_event_a_second_webhook_for_the_same_event_is_a_409_conflict()
    {
        Assert.Equal(200, (await SubscribeAsync("track")).Status);
        Assert.Equal(200, (await SubscribeAsync("batch")).Status);

        var again = await SubscribeAsync("track");

        Assert.Equal(409, again.Status);
        Assert.Equal("webhook_event_type_conflict", (string)again.Json!["errors"]![0]!["error_code"]!);
    }

    [Fact]
    public async Task buying_a_label_sends_a_track_event_signed_with_the_key_published_at_jwks()
    {
        await SubscribeAsync("track", headers: [new { key = "x-shop", value = "north" }]);
        var (labelId, tracking) = await ShipAsync();

        var delivery = await _receiver.NextAsync();

        var payload = JsonNode.Parse(delivery.Body)!;
        Assert.Equal("API_TRACK", (string)payload["resource_type"]!);
        Assert.EndsWith($"/v2/labels/{labelId}/track", (string)payload["resource_url"]!, StringComparison.Ordinal);
        Assert.Equal(tracking, (string)payload["data"]!["tracking_number"]!);
        Assert.Equal("NY", (string)payload["data"]!["status_code"]!);
        Assert.Equal("north", delivery.Headers["x-shop"]);
        var timestamp = delivery.Headers["x-shipengine-timestamp"];
        Assert.Equal(mirror.Clock.GetUtcNow(), DateTimeOffset.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture));
        var keys = (await mirror.Plain.GetJsonAsync("/jwks")).Json!["keys"]!.AsArray();
        var key = Assert.Single(keys, k => (string)k!["kid"]! == delivery.Headers["x-shipengine-rsa-sha256-key-id"])!;
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars((string)key["n"]!), Exponent = Base64Url.DecodeFromChars((string)key["e"]!) });
        var signature = Convert.FromBase64String(delivery.Headers["x-shipengine-rsa-sha256-signature"]);
        Assert.True(rsa.VerifyData(Encoding.UTF8.GetBytes($"{timestamp}.{delivery.Body}"), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.False(rsa.VerifyData(Encoding.UTF8.GetBytes($"{timestamp}.{delivery.Body} "), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task a_carrier_scan_set_through_the_admin_api_sends_a_track_event_with_that_status()
    {
        await SubscribeAsync("track");
        var (labelId, _) = await ShipAsync();
        await _receiver.NextAsync();

        var scanned = await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/labels/{labelId}/tracking", new { statusCode = "DE", description = "Left at front door" });

        Assert.Equal(200, scanned.Status);
        var data = JsonNode.Parse((await _receiver.NextAsync()).Body)!["data"]!;
        Assert.Equal(("DE", "Delivered", "Left at front door"), ((string)data["status_code"]!, (string)data["status_description"]!, (string)data["events"]![0]!["description"]!));
        Assert.NotNull(data["actual_delivery_date"]);
        Assert.Equal(400, (await mirror.Plain.PostJsonAsync($"/_synclab/warehouse/labels/{labelId}/tracking", new { statusCode = "XX" })).Status);
        Assert.Equal(404, (await mirror.Plain.PostJsonAsync("/_synclab/warehouse/labels/se-1/tracking", new { statusCode = "IT" })).Status);
    }

    [Fact]
    public async Task a_failed_delivery_is_retried_with_the_same_body_only_when_the_business_clock_reaches_the_retry()
    {
        await SubscribeAsync("track");
        _receiver.AnswerNext(500);
        await ShipAsync();
        var failed = await _receiver.NextAsync();
        Assert.Equal(500, failed.AnsweredWith);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _receiver.NextAsync(TimeSpan.FromMilliseconds(300)));
        mirror.Clock.Advance(TimeSpan.FromMinutes(1));
        var retried = await _receiver.NextAsync();

        Assert.Equal(200, retried.AnsweredWith);
        Assert.Equal(failed.Body, retried.Body);
    }

    [Fact]
    public async Task with_webhook_chaos_duplicating_every_delivery_the_track_event_arrives_twice()
    {
        using var chaos = await SendAsync(HttpMethod.Put, "/_synclab/webhook-chaos", """{"duplicateRate":1}""", mirror.Plain);
        Assert.Equal(HttpStatusCode.OK, chaos.StatusCode);
        await SubscribeAsync("track");

        await ShipAsync();
        var first = await _receiver.NextAsync();
        var second = await _receiver.NextAsync();

        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task with_webhook_chaos_delaying_deliveries_nothing_arrives_until_the_business_clock_passes_the_delay()
    {
        using var chaos = await SendAsync(HttpMethod.Put, "/_synclab/webhook-chaos", """{"extraDelay":"00:30:00"}""", mirror.Plain);
        await SubscribeAsync("track");

        await ShipAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _receiver.NextAsync(TimeSpan.FromMilliseconds(300)));
        mirror.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal("API_TRACK", (string)JsonNode.Parse((await _receiver.NextAsync()).Body)!["resource_type"]!);
    }

    private static void Conforms(Reply reply, string path, string method)
    {
        Assert.Equal(200, reply.Status);
        var violations = Spec.Violations(reply.Body, Spec.ResponseSchema(path, method));
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    private Task<Reply> SubscribeAsync(string @event, object[]? headers = null) =>
        mirror.ShipStation.PostJsonAsync("/v2/environment/webhooks", new { @event, url = _receiver.Url, headers = headers ?? [] });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await (client ?? mirror.ShipStation).SendAsync(request);
    }

    /// <summary>Creates a shipment of one stocked unit and buys its label: (label_id, tracking_number).</summary>
    private async Task<(string LabelId, string TrackingNumber)> ShipAsync()
    {
        var sku = mirror.Estate.Items.First(i => mirror.SeededOnHand(i.Sku) >= 1).Sku;
        var created = await mirror.ShipStation.PostJsonAsync("/v2/shipments", new
        {
            shipments = new[]
            {
                new
                {
                    warehouse_id = ShipStationIds.Warehouse(0),
                    ship_to = new { name = "Ada Lovelace", phone = "+1 312-555-0199", address_line1 = "1 Analytical Way", city_locality = "Chicago", state_province = "IL", postal_code = "60601", country_code = "US" },
                    items = new[] { new { sku, quantity = 1 } },
                },
            },
        });
        Assert.Equal(200, created.Status);
        var label = await mirror.ShipStation.PostRawAsync($"/v2/labels/shipment/{(string)created.Json!["shipments"]![0]!["shipment_id"]!}", "");
        Assert.Equal(200, label.Status);
        return ((string)label.Json!["label_id"]!, (string)label.Json["tracking_number"]!);
    }
}
