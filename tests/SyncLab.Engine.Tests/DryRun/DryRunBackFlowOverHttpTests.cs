using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.DryRun;

/// <summary>
/// GET /engine/dry-run?process=shipments|refunds|orders against the real mirrors: what the back-flow and the orders
/// process would record, and the data errors they would raise, with nothing written anywhere.
/// </summary>
public sealed class DryRunBackFlowOverHttpTests
{
    private static readonly string[] Systems = ["storefront", "erp", "warehouse"];

    [Fact]
    public async Task a_dry_run_of_shipments_and_refunds_tells_what_the_back_flow_would_record_and_writes_nothing()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var order = await s.PlaceOrderAsync("dryship@example.com", (s.StockedWebSku(2), 2));
        var external = BackFlowStaging.External(order);
        await s.PollAsync();
        var shipment = Assert.Single(await s.ShipmentsAsync(external));
        var shipmentId = (string)shipment["shipment_id"]!;
        var tracking = await s.BuyLabelAsync(shipmentId);
        var salesOrder = (string)Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"))["number"]!;

        var marks = await MarksAsync(s);
        var shipped = await DryRunAsync(s, "shipments");

        Assert.Equal(1, (int)shipped["shipmentsRead"]!);
        var changes = shipped["changes"]!.AsArray().Select(c => c!).ToList();
        Assert.All(changes, c => Assert.Equal(("shipments", shipmentId, (string?)order["name"]), ((string?)c["process"], (string?)c["shipment"], (string?)c["order"])));
        Assert.Contains(changes, c => ((string)c["to"]!).Contains($"2 unit(s) fulfilled with USPS {tracking}", StringComparison.Ordinal));
        Assert.Contains(changes, c => (string?)c["to"] == $"ERP sales order {salesOrder} shipped and invoiced");
        Assert.Empty(shipped["skipped"]!.AsArray());
        Assert.Equal(0, (await s.FulfilmentsAsync(order)).Fulfillments);
        Assert.Empty(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        await NothingWrittenAsync(s, marks);

        // What the dry run announced is what the back-flow does; asked again, it names the shipment as recorded.
        await s.PollAsync();
        Assert.Equal([tracking], (await s.FulfilmentsAsync(order)).Tracking);
        var recorded = await DryRunAsync(s, "shipments");
        Assert.Empty(recorded["changes"]!.AsArray());
        Assert.StartsWith("already recorded", (string?)Assert.Single(recorded["skipped"]!.AsArray())!["reason"], StringComparison.Ordinal);

        await s.RefundFirstLineAsync(order, 1);
        marks = await MarksAsync(s);
        var refunds = await DryRunAsync(s, "refunds");

        Assert.Equal(1, (int)refunds["refundsRead"]!);
        var memo = Assert.Single(refunds["changes"]!.AsArray())!;
        Assert.Equal(("refunds", (string?)order["name"], "no credit memo"), ((string?)memo["process"], (string?)memo["order"], (string?)memo["from"]));
        Assert.StartsWith($"credit memo SHOPIFY-R-{(string?)memo["refund"]} against invoice ", (string?)memo["to"], StringComparison.Ordinal);
        Assert.Empty(await s.ErpAsync("salesCreditMemos", "startswith(externalDocumentNumber,'SHOPIFY-R-')"));
        await NothingWrittenAsync(s, marks);

        await s.PollAsync();
        await s.PollAsync();
        var credited = await DryRunAsync(s, "refunds");
        Assert.Empty(credited["changes"]!.AsArray());
        Assert.StartsWith("already in the ERP as credit memo", (string?)Assert.Single(credited["skipped"]!.AsArray())!["reason"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task refunds_before_the_invoice_are_named_as_waiting_for_it_or_as_owing_no_credit_memo()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var order = await s.PlaceOrderAsync("early-refund@example.com", (s.StockedWebSku(2), 2));
        await s.PollAsync();
        // One unit taken off before it shipped, one refunded as a goodwill gesture; the order has not shipped.
        await s.RefundFirstLineAsync(order, 1, "CANCEL");
        await s.RefundFirstLineAsync(order, 1, "NO_RESTOCK");

        var report = await DryRunAsync(s, "refunds");

        Assert.Equal(2, (int)report["refundsRead"]!);
        Assert.Empty(report["changes"]!.AsArray());
        var reasons = report["skipped"]!.AsArray().Select(k => (string)k!["reason"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.StartsWith("nothing that shipped was taken back", reasons[0], StringComparison.Ordinal);
        Assert.StartsWith($"waits for the order's invoice: {(string?)order["name"]}", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_dry_run_of_orders_names_the_sales_tax_error_the_orders_process_would_raise()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(2);
        var good = await s.PlaceOrderAsync("good@example.com", (sku, 1));
        // Checkout charges 8.5 % from now on; the ERP's tax setup was not told.
        using (var rate = await s.Http.PutAsJsonAsync(new Uri(s.Host.Addresses["storefront"], "_synclab/storefront/tax-rates"), new { rate = 0.085m, effectiveFrom = s.Host.Clock.GetUtcNow() }))
        {
            Assert.True(rate.IsSuccessStatusCode, await rate.Content.ReadAsStringAsync());
        }
        var taxed = await s.PlaceOrderAsync("taxed@example.com", (sku, 1));

        var report = await DryRunAsync(s, "orders");

        var change = Assert.Single(report["changes"]!.AsArray())!;
        Assert.Equal((string?)good["name"], (string?)change["order"]);
        Assert.Contains(BackFlowStaging.External(good), (string?)change["to"], StringComparison.Ordinal);
        var skip = Assert.Single(report["skipped"]!.AsArray())!;
        Assert.Equal((string?)taxed["name"], (string?)skip["order"]);
        Assert.StartsWith("data error: ", (string?)skip["reason"], StringComparison.Ordinal);
        Assert.Contains("sales tax differs from the ERP's", (string?)skip["reason"], StringComparison.Ordinal);

        // The orders process raises the same error, and creates the other order.
        await s.PollAsync();
        Assert.Contains(await s.DataErrorsAsync((string)taxed["id"]!), e => e.Message.Contains("sales tax differs from the ERP's", StringComparison.Ordinal));
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(good)}'"));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{BackFlowStaging.External(taxed)}'"));
    }

    [Fact]
    public async Task a_dry_run_of_shipments_while_the_warehouse_throttles_is_a_503_problem()
    {
        await using var s = await BackFlowStaging.StartAsync();
        await s.AddFaultAsync("warehouse", new { id = "busy", kind = "throttle", path = "/v2/**", count = 100, retryAfter = "00:00:30" });

        using var response = await s.Http.GetAsync(new Uri(s.Host.Addresses["engine"], "engine/dry-run?process=shipments"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonNode> DryRunAsync(BackFlowStaging s, string process)
    {
        using var response = await s.Http.GetAsync(new Uri(s.Host.Addresses["engine"], $"engine/dry-run?process={process}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!;
    }

    private static async Task<Dictionary<string, long>> MarksAsync(BackFlowStaging s)
    {
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var system in Systems)
        {
            marks[system] = await MirrorLedgers.MarkAsync(s.Http, s.Host, system);
        }
        return marks;
    }

    private static async Task NothingWrittenAsync(BackFlowStaging s, Dictionary<string, long> marks)
    {
        foreach (var (system, mark) in marks)
        {
            Assert.Empty(await MirrorLedgers.EffectsAfterAsync(s.Http, s.Host, mark, system));
        }
    }
}
