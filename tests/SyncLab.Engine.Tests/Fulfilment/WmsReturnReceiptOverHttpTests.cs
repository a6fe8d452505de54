using System.Text.Json.Nodes;

namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>
/// Returned goods back on hand in the warehouse, exactly once in effect, over loopback HTTP: the refund's own inventory
/// location is found again after a half-done attempt, a warehouse refusing the stock update is retried, and seeing the
/// refund again on every poll receives nothing more; a refund without a return receives nothing.
/// </summary>
public sealed class WmsReturnReceiptOverHttpTests
{
    [Fact]
    public async Task a_return_is_received_once_after_a_half_done_attempt_and_a_failing_warehouse()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(3);
        var order = await s.PlaceOrderAsync("back@example.com", (sku, 3));
        await s.PollAsync();
        await s.BuyLabelAsync((string)(await s.ShipmentsAsync(BackFlowStaging.External(order)))[0]["shipment_id"]!);
        await s.PollAsync();
        var shipped = await OnHandAsync(s, sku);

        await s.RefundFirstLineAsync(order, 2);
        var refund = await RefundLegacyIdAsync(s, order);
        var name = $"RETURN SHOPIFY-R-{refund}";
        // A previous attempt got as far as making the location and receiving the goods, then died before recording it.
        var warehouse = (string)(await s.ShipStationAsync(HttpMethod.Get, "v2/inventory_warehouses"))["inventory_warehouses"]![0]!["inventory_warehouse_id"]!;
        var location = (string)(await s.ShipStationAsync(HttpMethod.Post, "v2/inventory_locations", new { name, inventory_warehouse_id = warehouse }))["inventory_location_id"]!;
        await s.ShipStationAsync(HttpMethod.Post, "v2/inventory", new { transaction_type = "adjust", inventory_location_id = location, sku, quantity = 2 });
        // And now the warehouse refuses stock updates for a while.
        await s.AddFaultAsync("warehouse", new { id = "stock-down", kind = "error", method = "POST", path = "/v2/inventory", status = 503 });
        await s.PollAsync();
        Assert.Equal(shipped + 2, await OnHandAsync(s, sku));
        await s.ClearFaultsAsync("warehouse");
        for (var i = 0; i < 6; i++)
        {
            await s.PollAsync();
        }

        Assert.Equal(shipped + 2, await OnHandAsync(s, sku));
        var named = (await s.ShipStationAsync(HttpMethod.Get, "v2/inventory_locations?limit=500"))["inventory_locations"]!.AsArray().Where(l => (string)l!["name"]! == name).ToList();
        Assert.Equal(location, (string)Assert.Single(named)!["inventory_location_id"]!);
        Assert.Single(await s.ErpAsync("salesCreditMemos", $"externalDocumentNumber eq 'SHOPIFY-R-{refund}'"));
        Assert.Empty(await s.DataErrorsAsync((string)order["id"]!));
    }

    [Fact]
    public async Task a_return_is_received_at_once_and_a_refund_without_return_receives_nothing()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var returned = s.StockedWebSku(2);
        var kept = s.StockedWebSku(2, skip: 1);
        var first = await s.PlaceOrderAsync("ret@example.com", (returned, 2));
        var second = await s.PlaceOrderAsync("keep@example.com", (kept, 2));
        await s.PollAsync();
        foreach (var order in new[] { first, second })
        {
            await s.BuyLabelAsync((string)(await s.ShipmentsAsync(BackFlowStaging.External(order)))[0]["shipment_id"]!);
        }
        await s.PollAsync();
        var (returnedBefore, keptBefore) = (await OnHandAsync(s, returned), await OnHandAsync(s, kept));

        await s.RefundFirstLineAsync(first, 1);
        await s.RefundFirstLineAsync(second, 1, "NO_RESTOCK");
        await s.PollAsync();
        await s.PollAsync();

        Assert.Equal(returnedBefore + 1, await OnHandAsync(s, returned));
        Assert.Equal(keptBefore, await OnHandAsync(s, kept));
        var names = (await s.ShipStationAsync(HttpMethod.Get, "v2/inventory_locations?limit=500"))["inventory_locations"]!.AsArray().Select(l => (string)l!["name"]!).ToList();
        Assert.Contains($"RETURN SHOPIFY-R-{await RefundLegacyIdAsync(s, first)}", names);
        Assert.DoesNotContain($"RETURN SHOPIFY-R-{await RefundLegacyIdAsync(s, second)}", names);
    }

    private static async Task<int> OnHandAsync(BackFlowStaging s, string sku)
    {
        var rows = (await s.ShipStationAsync(HttpMethod.Get, $"v2/inventory?sku={Uri.EscapeDataString(sku)}&group_by=warehouse"))["inventory"]!.AsArray();
        return rows.Sum(r => (int)r!["on_hand"]!);
    }

    private static async Task<string> RefundLegacyIdAsync(BackFlowStaging s, JsonNode order)
    {
        var data = await s.GraphAsync("query($id: ID!) { order(id: $id) { refunds(first: 5) { legacyResourceId } } }", new JsonObject { ["id"] = (string)order["id"]! });
        return data["order"]!["refunds"]![0]!["legacyResourceId"]!.ToString();
    }
}
