using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class SalesOrderTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>
{
    [Fact]
    public async Task a_sales_order_is_created_with_its_lines_for_a_customer()
    {
        var customer = erp.Estate.Customers[1];
        var (first, second) = (erp.Unblocked(10), erp.Unblocked(11));

        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
        {
            externalDocumentNumber = "WEB-1001",
            customerNumber = customer.Number,
            salesOrderLines = new object[]
            {
                new { lineType = "Item", lineObjectNumber = first.Number, quantity = 2 },
                new { lineObjectNumber = second.Sku.ToLowerInvariant(), quantity = 1, unitPrice = 5.25m },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await ErpMirrorFixture.ReadAsync(response);
        Assert.StartsWith("S-ORD", order.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal(customer.Name, order.GetProperty("customerName").GetString());
        Assert.Equal("WEB-1001", order.GetProperty("externalDocumentNumber").GetString());
        Assert.Equal((first.UnitPrice * 2) + 5.25m, order.GetProperty("totalAmountExcludingTax").GetDecimal());
        var lines = (await erp.GetAllAsync($"{erp.Company}/salesOrders({order.GetProperty("id").GetGuid()})/salesOrderLines")).Rows;
        Assert.Equal([10000, 20000], lines.Select(l => l.GetProperty("sequence").GetInt32()));
        Assert.Equal(second.Number, lines[1].GetProperty("lineObjectNumber").GetString());
    }

    [Fact]
    public async Task an_order_for_a_blocked_item_is_refused_with_bcs_field_validation_error()
    {
        var blocked = erp.Estate.Items.FirstOrDefault(i => i.Blocked) ?? erp.Unblocked(12);
        if (!blocked.Blocked)
        {
            using var block = await erp.Http.PatchAsJsonAsync($"/_synclab/erp/items/{blocked.Sku}", new { blocked = true });
        }

        using var response = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new
        {
            customerNumber = erp.Estate.Customers[0].Number,
            salesOrderLines = new[] { new { lineObjectNumber = blocked.Number, quantity = 1 } },
        });

        Assert.Equal("Application_FieldValidationException", await ErpMirrorFixture.AssertVendorErrorAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task an_order_dated_in_a_closed_period_or_without_customer_is_a_dialog_error()
    {
        using (var closed = await erp.Http.PutAsJsonAsync("/_synclab/erp/posting-period", new { allowPostingFrom = "2026-11-01" }))
        {
            closed.EnsureSuccessStatusCode();
        }
        try
        {
            using var closedPeriod = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new { customerNumber = erp.Estate.Customers[0].Number, orderDate = "2026-10-15" });
            using var noCustomer = await erp.PostJsonAsync($"{erp.Company}/salesOrders", new { externalDocumentNumber = "X" });

            Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(closedPeriod, HttpStatusCode.BadRequest));
            Assert.Equal("Application_DialogException", await ErpMirrorFixture.AssertVendorErrorAsync(noCustomer, HttpStatusCode.BadRequest));
        }
        finally
        {
            using var reopened = await erp.Http.PutAsJsonAsync("/_synclab/erp/posting-period", new { allowPostingFrom = (string?)null });
        }
    }
}
