using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class ShipAndInvoiceTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_web_order_is_found_by_its_external_document_number_and_read_with_its_lines()
    {
        var item = await erp.ItemAsync(erp.Unblocked(20).Number);
        var created = await erp.CreateOrderAsync("SHOPIFY-5001", erp.Estate.Customers[4].Number, (item.GetProperty("id").GetGuid(), 3));

        var found = Assert.Single(await erp.WhereAsync("salesOrders", "externalDocumentNumber eq 'SHOPIFY-5001'"));
        var expanded = await erp.GetJsonAsync($"{erp.Company}/salesOrders({found.GetProperty("id").GetGuid()})?$expand=salesOrderLines");
        var listed = await erp.GetJsonAsync($"{erp.Company}/salesOrders?$filter={Uri.EscapeDataString("externalDocumentNumber eq 'SHOPIFY-5001'")}&$expand=salesOrderLines");

        Assert.Equal(created.GetProperty("number").GetString(), found.GetProperty("number").GetString());
        var line = Assert.Single(expanded.GetProperty("salesOrderLines").EnumerateArray());
        Assert.Equal(item.GetProperty("id").GetGuid(), line.GetProperty("itemId").GetGuid());
        Assert.Equal(3m, line.GetProperty("quantity").GetDecimal());
        Assert.Single(listed.GetProperty("value")[0].GetProperty("salesOrderLines").EnumerateArray());
        Assert.Empty(await erp.WhereAsync("salesOrders", "externalDocumentNumber eq 'SHOPIFY-0000'"));
    }

    [Fact]
    public async Task ship_and_invoice_posts_a_shipment_and_an_invoice_takes_the_stock_and_removes_the_order()
    {
        var customer = erp.Estate.Customers[5];
        var (first, second) = (await erp.ItemAsync(erp.Unblocked(21).Number), await erp.ItemAsync(erp.Unblocked(22).Number));
        var order = await erp.CreateOrderAsync("SHOPIFY-5002", customer.Number, (first.GetProperty("id").GetGuid(), 2), (second.GetProperty("id").GetGuid(), 1));
        var orderId = order.GetProperty("id").GetGuid();
        var orderNumber = order.GetProperty("number").GetString()!;
        var balanceBefore = (await CustomerAsync(customer.Number)).GetProperty("balanceDue").GetDecimal();
        erp.Clock.Advance(TimeSpan.FromMinutes(5));

        using var posted = await erp.ShipAndInvoiceAsync(orderId);

        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        using (var gone = await erp.Http.GetAsync($"{erp.Company}/salesOrders({orderId})"))
        {
            Assert.Equal("BadRequest_NotFound", await ErpMirrorFixture.AssertVendorErrorAsync(gone, HttpStatusCode.NotFound));
        }
        var invoice = Assert.Single(await erp.WhereAsync("salesInvoices", $"orderNumber eq '{orderNumber}'"));
        Assert.Equal("SHOPIFY-5002", invoice.GetProperty("externalDocumentNumber").GetString());
        Assert.Equal(orderId, invoice.GetProperty("orderId").GetGuid());
        Assert.Equal("Open", invoice.GetProperty("status").GetString());
        var total = order.GetProperty("totalAmountExcludingTax").GetDecimal();
        Assert.Equal(total, invoice.GetProperty("totalAmountIncludingTax").GetDecimal());
        Assert.Equal(total, invoice.GetProperty("remainingAmount").GetDecimal());
        Assert.Equal(erp.Clock.GetUtcNow(), invoice.GetProperty("lastModifiedDateTime").GetDateTimeOffset());
        var invoiceLines = (await erp.GetAllAsync($"{erp.Company}/salesInvoices({invoice.GetProperty("id").GetGuid()})/salesInvoiceLines")).Rows;
        Assert.Equal([2m, 1m], invoiceLines.Select(l => l.GetProperty("quantity").GetDecimal()));

        var shipment = Assert.Single(await erp.WhereAsync("salesShipments", "externalDocumentNumber eq 'SHOPIFY-5002'"));
        Assert.Equal(orderNumber, shipment.GetProperty("orderNumber").GetString());
        var shipmentLines = (await erp.GetJsonAsync($"{erp.Company}/salesShipments({shipment.GetProperty("id").GetGuid()})?$expand=salesShipmentLines"))
            .GetProperty("salesShipmentLines").EnumerateArray().ToList();
        Assert.Equal([first.GetProperty("number").GetString(), second.GetProperty("number").GetString()], shipmentLines.Select(l => l.GetProperty("lineObjectNumber").GetString()));
        Assert.All(shipmentLines, l => Assert.Equal(shipment.GetProperty("number").GetString(), l.GetProperty("documentNo").GetString()));

        var firstAfter = await erp.ItemAsync(first.GetProperty("number").GetString()!);
        Assert.Equal(first.GetProperty("inventory").GetDecimal() - 2, firstAfter.GetProperty("inventory").GetDecimal());
        Assert.NotEqual(first.GetProperty("@odata.etag").GetString(), firstAfter.GetProperty("@odata.etag").GetString());
        var entry = Assert.Single(await erp.WhereAsync("itemLedgerEntries", $"documentNumber eq '{shipment.GetProperty("number").GetString()}' and itemNumber eq '{first.GetProperty("number").GetString()}'"));
        Assert.Equal("Sale", entry.GetProperty("entryType").GetString());
        Assert.Equal("Sales_x0020_Shipment", entry.GetProperty("documentType").GetString());
        Assert.Equal(-2m, entry.GetProperty("quantity").GetDecimal());
        Assert.Equal(balanceBefore + total, (await CustomerAsync(customer.Number)).GetProperty("balanceDue").GetDecimal());
    }

    [Fact]
    public async Task when_the_period_is_closed_ship_and_invoice_is_refused_with_bcs_posting_date_error_and_nothing_is_posted()
    {
        var item = await erp.ItemAsync(erp.Unblocked(23).Number);
        var order = await erp.CreateOrderAsync("SHOPIFY-5003", erp.Estate.Customers[6].Number, (item.GetProperty("id").GetGuid(), 1));
        await erp.SetPostingPeriodAsync("2026-12-01");
        try
        {
            using var refused = await erp.ShipAndInvoiceAsync(order.GetProperty("id").GetGuid());

            Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(refused, HttpStatusCode.BadRequest));
            Assert.Contains("Posting Date is not within your range of allowed posting dates.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Single(await erp.WhereAsync("salesOrders", "externalDocumentNumber eq 'SHOPIFY-5003'"));
            Assert.Empty(await erp.WhereAsync("salesInvoices", "externalDocumentNumber eq 'SHOPIFY-5003'"));
            Assert.Equal(item.GetProperty("inventory").GetDecimal(), (await erp.ItemAsync(item.GetProperty("number").GetString()!)).GetProperty("inventory").GetDecimal());
        }
        finally
        {
            await erp.SetPostingPeriodAsync(null);
        }
    }

    [Fact]
    public async Task an_order_is_patched_with_its_current_etag_and_cancelled_by_delete()
    {
        var item = await erp.ItemAsync(erp.Unblocked(24).Number);
        var order = await erp.CreateOrderAsync("SHOPIFY-5004", erp.Estate.Customers[7].Number, (item.GetProperty("id").GetGuid(), 1));
        var url = $"{erp.Company}/salesOrders({order.GetProperty("id").GetGuid()})";
        var etag = order.GetProperty("@odata.etag").GetString();

        using var patched = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"shipToName": "Front desk", "shipToCity": "Peoria"}""", etag);
        using var stale = await erp.SendJsonAsync(HttpMethod.Patch, url, """{"externalDocumentNumber": "X"}""", etag);
        var current = await ErpMirrorFixture.ReadAsync(patched);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        delete.Headers.TryAddWithoutValidation("If-Match", current.GetProperty("@odata.etag").GetString());
        using var deleted = await erp.Http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Peoria", current.GetProperty("shipToCity").GetString());
        Assert.Equal("Front desk", current.GetProperty("shipToName").GetString());
        Assert.Equal("Request_EntityChanged", await ErpMirrorFixture.AssertVendorErrorAsync(stale, HttpStatusCode.PreconditionFailed));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await erp.WhereAsync("salesOrders", "externalDocumentNumber eq 'SHOPIFY-5004'"));
        using var lines = await erp.Http.GetAsync($"{url}/salesOrderLines");
        Assert.Equal(HttpStatusCode.NotFound, lines.StatusCode);
    }

    private async Task<JsonElement> CustomerAsync(string number) => Assert.Single(await erp.WhereAsync("customers", $"number eq '{number}'"));
}
