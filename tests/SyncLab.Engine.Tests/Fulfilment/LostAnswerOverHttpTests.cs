using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SyncLab.Engine.Tests.Fulfilment;

/// <summary>
/// The write went through, the answer did not (a gateway timed out after the vendor committed): the engine cannot tell
/// that from a write that never happened, so it retries — and must find what it already made instead of making it again.
/// Every leg of an order, over loopback HTTP, with the mirrors' lost-answer fault.
/// </summary>
public sealed class LostAnswerOverHttpTests
{
    [Fact]
    public async Task orders_customers_shipments_fulfilments_and_invoices_whose_answers_are_lost_are_made_once()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var orders = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            orders.Add(await s.PlaceOrderAsync($"lost-answer-{i}@example.com", (s.StockedWebSku(1, skip: i), 1)));
        }
        // New customers and sales orders in the ERP, shipments in the warehouse: each first answer is lost.
        await s.AddFaultAsync("erp", new { id = "erp-gateway", kind = "lost-answer", method = "POST", path = "/api/v2.0/**", count = 6 });
        await s.AddFaultAsync("warehouse", new { id = "wms-gateway", kind = "lost-answer", method = "POST", path = "/v2/shipments", count = 3 });

        await UntilAsync(s, async () => (await Task.WhenAll(orders.Select(o => s.ShipmentsAsync(BackFlowStaging.External(o))))).All(x => x.Count > 0));

        Assert.Equal(6, await AppliedAsync(s, "erp", "erp-gateway"));
        Assert.Equal(3, await AppliedAsync(s, "warehouse", "wms-gateway"));
        foreach (var order in orders)
        {
            var external = BackFlowStaging.External(order);
            Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
            Assert.Single(await s.ShipmentsAsync(external));
        }
        for (var i = 0; i < orders.Count; i++)
        {
            Assert.Single(await s.ErpAsync("customers", $"email eq 'lost-answer-{i}@example.com'"));
        }

        // The warehouse ships; the storefront's fulfilments and the ERP's shipments and invoices lose their first answers.
        foreach (var order in orders)
        {
            await s.BuyLabelAsync((string)(await s.ShipmentsAsync(BackFlowStaging.External(order)))[0]["shipment_id"]!);
        }
        await s.AddFaultAsync("storefront", new { id = "shop-gateway", kind = "lost-answer", method = "POST", path = "/admin/api/**", count = 4 });
        await s.AddFaultAsync("erp", new { id = "erp-gateway", kind = "lost-answer", method = "POST", path = "/api/v2.0/**", count = 3 });

        // Only the engine's calls may meet the storefront's fault (the test's own GraphQL reads would too): wait until
        // it is spent and the ERP has invoiced every order, then look at the storefront.
        await UntilAsync(s, async () =>
        {
            foreach (var order in orders)
            {
                if ((await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{BackFlowStaging.External(order)}'")).Count == 0)
                {
                    return false;
                }
            }
            return await AppliedAsync(s, "storefront", "shop-gateway") == 4;
        });
        await s.PollAsync();

        Assert.Equal(4, await AppliedAsync(s, "storefront", "shop-gateway"));
        Assert.Equal(3, await AppliedAsync(s, "erp", "erp-gateway"));
        foreach (var order in orders)
        {
            var (fulfilments, tracking, _, _) = await s.FulfilmentsAsync(order);
            Assert.Equal(1, fulfilments);
            Assert.Single(tracking);
            Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{BackFlowStaging.External(order)}'"));
        }
        Assert.Empty(await DeadLettersAsync(s));
    }

    [Fact]
    public async Task a_warehouse_that_never_answers_is_given_up_on_per_call_and_the_shipment_made_once_when_it_answers_again()
    {
        await using var s = await BackFlowStaging.StartAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(500) });
        var order = await s.PlaceOrderAsync("hung@example.com", (s.StockedWebSku(1), 1));
        await s.AddFaultAsync("warehouse", new { id = "wms-hangs", kind = "hang", method = "POST", path = "/v2/shipments" });

        await UntilAsync(s, async () => await AppliedAsync(s, "warehouse", "wms-hangs") >= 2);
        await s.ClearFaultsAsync("warehouse");
        await UntilAsync(s, async () => (await s.ShipmentsAsync(BackFlowStaging.External(order))).Count > 0);

        Assert.Single(await s.ShipmentsAsync(BackFlowStaging.External(order)));
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(order)}'"));
        Assert.Empty(await DeadLettersAsync(s));
        // The engine kept serving while its calls hung: its API answers, and nothing is left to do now.
        var status = (await s.Http.GetFromJsonAsync<JsonObject>(new Uri(s.Host.Addresses["engine"], "engine/status")))!;
        Assert.True((bool)status["quiescent"]!);
    }

    /// <summary>Polls, and lets the engine's retry backoff pass on the business clock, until the condition holds.</summary>
    private static async Task UntilAsync(BackFlowStaging s, Func<Task<bool>> done)
    {
        await s.PollAsync();
        for (var i = 0; i < 30 && !await done(); i++)
        {
            s.Host.Clock.Advance(TimeSpan.FromMinutes(5));
            await s.QuiescentAsync();
        }
        Assert.True(await done(), "the engine did not finish within 30 rounds of retries");
    }

    private static async Task<long> AppliedAsync(BackFlowStaging s, string system, string id)
    {
        var fault = (await s.Http.GetFromJsonAsync<JsonObject>(new Uri(s.Host.Addresses[system], $"_synclab/faults/{id}")))!;
        return (long)fault["applied"]!;
    }

    private static async Task<JsonArray> DeadLettersAsync(BackFlowStaging s) =>
        (await s.Http.GetFromJsonAsync<JsonArray>(new Uri(s.Host.Addresses["engine"], "engine/dead-letters")))!;
}
