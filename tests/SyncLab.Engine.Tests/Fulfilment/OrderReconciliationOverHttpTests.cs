using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>
/// The nightly reconciliation of web orders over loopback HTTP: a web order the engine gave up on keying in the ERP, and
/// one whose warehouse shipment it gave up on, are found and healed through the normal processes; a shipment the
/// warehouse cancelled itself is reported, not made again.
/// </summary>
public sealed class OrderReconciliationOverHttpTests
{
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    [Fact]
    public async Task orders_the_engine_gave_up_on_are_healed_and_a_shipment_cancelled_in_the_warehouse_is_reported()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var engine = s.Host.Addresses["engine"];
        // An order whose shipment the warehouse cancels itself.
        var cancelledThere = await s.PlaceOrderAsync("kept@example.com", (s.StockedWebSku(1, skip: 2), 1));
        await s.PollAsync();
        var cancelled = (string)(await s.ShipmentsAsync(BackFlowStaging.External(cancelledThere)))[0]["shipment_id"]!;
        await s.ShipStationAsync(HttpMethod.Put, $"v2/shipments/{cancelled}/cancel");
        // Then the warehouse refuses new shipments, and the ERP new sales orders, for longer than the engine retries.
        await s.AddFaultAsync("warehouse", new { id = "wms-down", kind = "error", method = "POST", path = "/v2/shipments", status = 503 });
        var lostInWarehouse = await s.PlaceOrderAsync("lost-wms@example.com", (s.StockedWebSku(1, skip: 1), 1));
        await s.PollAsync();
        await s.AddFaultAsync("erp", new { id = "erp-down", kind = "error", method = "POST", path = "/api/v2.0/companies({id})/salesOrders", status = 503 });
        var lostInErp = await s.PlaceOrderAsync("lost-erp@example.com", (s.StockedWebSku(1), 1));
        for (var i = 0; i < 40 && (await DeadLettersAsync(s)).Count < 2; i++)
        {
            s.Host.Clock.Advance(TimeSpan.FromMinutes(15));
            await s.QuiescentAsync();
        }
        Assert.Equal(["fulfilment", "orders"], (await DeadLettersAsync(s)).Select(d => d.Process).Order(StringComparer.Ordinal));
        await s.ClearFaultsAsync("erp");
        await s.ClearFaultsAsync("warehouse");
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(lostInErp)}'"));
        Assert.Empty(await s.ShipmentsAsync(BackFlowStaging.External(lostInWarehouse)));

        using (var set = await s.Http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "America/Chicago" }))
        {
            Assert.True(set.IsSuccessStatusCode);
        }
        var night = s.Host.Clock.GetUtcNow().ToOffset(Cst).Date.AddDays(1).AddHours(3);
        s.Host.Clock.Set(new DateTimeOffset(night, Cst));
        await s.QuiescentAsync();
        await s.PollAsync();

        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(lostInErp)}'"));
        Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(lostInErp)), x => (string)x["shipment_status"]! == "pending");
        Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(lostInWarehouse)), x => (string)x["shipment_status"]! == "pending");
        Assert.DoesNotContain(await s.ShipmentsAsync(BackFlowStaging.External(cancelledThere)), x => (string)x["shipment_status"]! == "pending");
        var report = (await s.Http.GetFromJsonAsync<JsonObject>(new Uri(engine, "engine/reconciliation")))!;
        var orders = report["findings"]!.AsArray().Where(f => ((string)f!["sku"]!).StartsWith("SHOPIFY-", StringComparison.Ordinal))
            .Select(f => ((string)f!["sku"]!, (string)f["kind"]!, (bool)f["healed"]!, (string?)f["healedBy"])).OrderBy(f => f.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[]
            {
                (BackFlowStaging.External(lostInErp), "order-missing", true, (string?)"orders"),
                (BackFlowStaging.External(lostInWarehouse), "shipment-missing", true, "fulfilment"),
                (BackFlowStaging.External(cancelledThere), "shipment-missing", false, null),
            }.OrderBy(f => f.Item1, StringComparer.Ordinal),
            orders);
    }

    private static async Task<List<(string Process, string Key)>> DeadLettersAsync(BackFlowStaging s)
    {
        var rows = (await s.Http.GetFromJsonAsync<JsonArray>(new Uri(s.Host.Addresses["engine"], "engine/dead-letters")))!;
        return rows.Select(r => ((string)r!["process"]!, (string)r["key"]!)).ToList();
    }
}
