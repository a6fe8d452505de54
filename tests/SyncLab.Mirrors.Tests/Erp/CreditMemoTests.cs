using System.Net;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class CreditMemoTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_posted_credit_memo_returns_the_stock_and_settles_the_invoice_it_applies_to()
    {
        var customer = erp.Estate.Customers[8];
        var item = await erp.ItemAsync(erp.Unblocked(5).Number);
        var invoice = await InvoicedOrderAsync("SHOPIFY-6001", customer.Number, item, 2);
        var stockAfterSale = (await erp.ItemAsync(item.GetProperty("number").GetString()!)).GetProperty("inventory").GetDecimal();
        var unitPrice = item.GetProperty("unitPrice").GetDecimal();

        using var created = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
        {
            externalDocumentNumber = "SHOPIFY-RETURN-6001",
            customerNumber = customer.Number,
            invoiceId = invoice.GetProperty("id").GetGuid(),
            salesCreditMemoLines = new[] { new { itemId = item.GetProperty("id").GetGuid(), quantity = 2m, unitPrice } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await ErpMirrorFixture.ReadAsync(created);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(invoice.GetProperty("number").GetString(), draft.GetProperty("invoiceNumber").GetString());
        var id = draft.GetProperty("id").GetGuid();
        erp.Clock.Advance(TimeSpan.FromMinutes(1));

        using var posted = await erp.Http.PostAsync($"{erp.Company}/salesCreditMemos({id})/Microsoft.NAV.post", null);

        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        var memo = await erp.GetJsonAsync($"{erp.Company}/salesCreditMemos({id})?$expand=salesCreditMemoLines");
        Assert.Equal("Paid", memo.GetProperty("status").GetString());
        Assert.NotEqual(draft.GetProperty("number").GetString(), memo.GetProperty("number").GetString());
        Assert.Equal(2m, Assert.Single(memo.GetProperty("salesCreditMemoLines").EnumerateArray()).GetProperty("quantity").GetDecimal());
        Assert.Equal(stockAfterSale + 2, (await erp.ItemAsync(item.GetProperty("number").GetString()!)).GetProperty("inventory").GetDecimal());
        var entry = Assert.Single(await erp.WhereAsync("itemLedgerEntries", $"documentNumber eq '{memo.GetProperty("number").GetString()}'"));
        Assert.Equal(2m, entry.GetProperty("quantity").GetDecimal());
        Assert.Equal("Sales_x0020_Credit_x0020_Memo", entry.GetProperty("documentType").GetString());
        Assert.Equal(customer.Number, entry.GetProperty("sourceNumber").GetString());
        var settled = await erp.GetJsonAsync($"{erp.Company}/salesInvoices({invoice.GetProperty("id").GetGuid()})");
        Assert.Equal("Paid", settled.GetProperty("status").GetString());
        Assert.Equal(0m, settled.GetProperty("remainingAmount").GetDecimal());
        Assert.Single(await erp.WhereAsync("salesCreditMemos", "externalDocumentNumber eq 'SHOPIFY-RETURN-6001' and status eq 'Paid'"));
    }

    [Fact]
    public async Task a_credit_memo_is_posted_once_and_only_in_an_open_period()
    {
        var item = await erp.ItemAsync(erp.Unblocked(6).Number);
        using var created = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
        {
            customerNumber = erp.Estate.Customers[9].Number,
            salesCreditMemoLines = new[] { new { lineObjectNumber = item.GetProperty("number").GetString(), quantity = 1m } },
        });
        var id = (await ErpMirrorFixture.ReadAsync(created)).GetProperty("id").GetGuid();
        var post = $"{erp.Company}/salesCreditMemos({id})/Microsoft.NAV.post";

        await erp.SetPostingPeriodAsync("2026-12-01");
        HttpResponseMessage closed;
        try
        {
            closed = await erp.Http.PostAsync(post, null);
        }
        finally
        {
            await erp.SetPostingPeriodAsync(null);
        }
        using (closed)
        {
            Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(closed, HttpStatusCode.BadRequest));
        }
        using var first = await erp.Http.PostAsync(post, null);
        using var again = await erp.Http.PostAsync(post, null);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(again, HttpStatusCode.BadRequest));
        Assert.Contains("draft credit memo only", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await erp.WhereAsync("itemLedgerEntries", $"itemNumber eq '{item.GetProperty("number").GetString()}' and documentType eq 'Sales_x0020_Credit_x0020_Memo'"));
    }

    [Fact]
    public async Task a_credit_memo_for_another_customers_invoice_or_an_unknown_invoice_is_refused()
    {
        var item = await erp.ItemAsync(erp.Unblocked(7).Number);
        var invoice = await InvoicedOrderAsync("SHOPIFY-6003", erp.Estate.Customers[10].Number, item, 1);

        using var otherCustomer = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
        {
            customerNumber = erp.Estate.Customers[11].Number,
            invoiceNumber = invoice.GetProperty("number").GetString(),
        });
        using var unknown = await erp.PostJsonAsync($"{erp.Company}/salesCreditMemos", new
        {
            customerNumber = erp.Estate.Customers[10].Number,
            invoiceId = Guid.NewGuid(),
        });

        Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(otherCustomer, HttpStatusCode.BadRequest));
        Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(unknown, HttpStatusCode.BadRequest));
    }

    /// <summary>A sales order shipped and invoiced; answers the posted invoice.</summary>
    private async Task<JsonElement> InvoicedOrderAsync(string external, string customerNumber, JsonElement item, decimal quantity)
    {
        var order = await erp.CreateOrderAsync(external, customerNumber, (item.GetProperty("id").GetGuid(), quantity));
        using var posted = await erp.ShipAndInvoiceAsync(order.GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        return Assert.Single(await erp.WhereAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
    }
}
