using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.PosSales;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.PosSales;

/// <summary>Sales at the stores' tills (Square) → one ERP sales document each, over loopback HTTP against the real mirrors.</summary>
public sealed class PosSalesOverHttpTests
{
    private const string Store = "ST01";

    [Fact]
    public async Task a_sale_at_the_till_is_booked_in_the_erp_once_shipped_and_invoiced_to_the_cash_customer_and_takes_the_stock_out()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (sku, number) = SoldAtTheStore(s, 2);
        var stockBefore = await ErpInventoryAsync(s, number);

        var sale = await SellAsync(s, sku, 2);
        await s.PollAsync();
        // The overlap re-reads the sale on the next polls: nothing more is booked.
        await s.PollAsync();
        await s.PollAsync();

        var external = PosSalePlan.ExternalNumber(sale);
        var invoice = Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal("POS-CASH", (string)invoice["customerNumber"]!);
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal(stockBefore - 2, await ErpInventoryAsync(s, number));
        Assert.Empty(await s.DataErrorsAsync(sale));
    }

    [Fact]
    public async Task a_sale_whose_posting_failed_after_the_order_was_created_is_posted_on_retry_not_created_again()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (sku, number) = SoldAtTheStore(s, 1);
        var stockBefore = await ErpInventoryAsync(s, number);
        await s.AddFaultAsync("erp", new { id = "posting-down", kind = "error", method = "POST", path = "/api/v2.0/companies({id})/salesOrders({id})/Microsoft.NAV.shipAndInvoice", status = 503 });

        var sale = await SellAsync(s, sku, 1);
        await s.PollAsync();
        var external = PosSalePlan.ExternalNumber(sale);
        Assert.Single(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));

        await s.ClearFaultsAsync("erp");
        s.Host.Clock.Advance(TimeSpan.FromMinutes(10));
        await s.QuiescentAsync();

        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal(stockBefore - 1, await ErpInventoryAsync(s, number));
    }

    [Fact]
    public async Task a_sale_seen_again_by_an_engine_that_forgot_it_is_found_in_the_erp_not_booked_twice()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (sku, number) = SoldAtTheStore(s, 1);
        var sale = await SellAsync(s, sku, 1);
        await s.PollAsync();
        var external = PosSalePlan.ExternalNumber(sale);
        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        var stockAfterSale = await ErpInventoryAsync(s, number);

        // A crash between the ERP's answer and the engine's commit looks like this: the engine knows nothing of the sale.
        await s.Host.Engine.ResetAsync(null, CancellationToken.None);
        await s.PollAsync();
        await s.PollAsync();

        Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal(stockAfterSale, await ErpInventoryAsync(s, number));
        Assert.Single(await CustomersAsync(s, "POS-CASH"));
    }

    [Fact]
    public async Task a_sale_on_a_day_the_erps_books_are_closed_is_held_then_booked_once_the_office_opens_the_period()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var (sku, _) = SoldAtTheStore(s, 1);
        // The epoch is 2026-11-02; only October is open.
        await SetPostingRangeAsync(s, "2026-10-01", "2026-10-31");
        var sale = await SellAsync(s, sku, 1);
        await s.PollAsync();
        var external = PosSalePlan.ExternalNumber(sale);

        var held = Assert.Single((await s.Http.GetFromJsonAsync<JsonArray>(new Uri(s.Host.Addresses["engine"], $"engine/held?key={sale}")))!)!;
        Assert.Equal(PosSaleToErpProcess.ProcessName, (string)held["process"]!);
        Assert.Empty(await s.ErpAsync("salesOrders", $"externalDocumentNumber eq '{external}'"));
        Assert.Empty(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));

        await SetPostingRangeAsync(s, "2026-11-01", "2026-11-30");
        s.Host.Clock.Advance(s.Host.Options.PollInterval + TimeSpan.FromHours(1));
        await s.QuiescentAsync();

        var invoice = Assert.Single(await s.ErpAsync("salesInvoices", $"externalDocumentNumber eq '{external}'"));
        Assert.Equal("2026-11-02", (string)invoice["postingDate"]!);
    }

    [Fact]
    public void an_external_document_number_always_fits_business_centrals_35_characters_and_stays_apart()
    {
        Assert.Equal("SQUARE-ABCDEFGHIJKLMNOPQRSTUVWXYZ0", PosSalePlan.ExternalNumber("ABCDEFGHIJKLMNOPQRSTUVWXYZ0"));
        var longer = PosSalePlan.ExternalNumber(new string('A', 40) + "1");
        var other = PosSalePlan.ExternalNumber(new string('A', 40) + "2");
        Assert.Equal(PosSalePlan.ExternalNumberLength, longer.Length);
        Assert.StartsWith("SQUARE-", longer, StringComparison.Ordinal);
        Assert.NotEqual(longer, other);
    }

    /// <summary>An item the till sells with enough on the store's shelf, and its ERP item number.</summary>
    private static (string Sku, string Number) SoldAtTheStore(BackFlowStaging s, int quantity)
    {
        var stocked = s.Host.Estate.Stock.Where(l => l.LocationCode == Store && l.Quantity >= quantity).Select(l => l.Sku).ToHashSet();
        var item = s.Host.Estate.Items.First(i => !i.Blocked && stocked.Contains(i.Sku));
        return (item.Sku, item.Number);
    }

    private static async Task<string> SellAsync(BackFlowStaging s, string sku, int quantity)
    {
        using var response = await s.Http.PostAsJsonAsync(new Uri(s.Host.Addresses["pos"], "_synclab/pos/sales"), new { locationCode = Store, sku, quantity });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return (string)JsonNode.Parse(body)!["orderId"]!;
    }

    private static async Task SetPostingRangeAsync(BackFlowStaging s, string from, string? to)
    {
        using var response = await s.Http.PutAsJsonAsync(new Uri(s.Host.Addresses["erp"], "_synclab/erp/posting-period"), new { allowPostingFrom = from, allowPostingTo = to });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<decimal> ErpInventoryAsync(BackFlowStaging s, string number)
    {
        var item = Assert.Single(await s.ErpAsync("items", $"number eq '{number}'"));
        return (decimal)item["inventory"]!;
    }

    private static Task<List<JsonNode>> CustomersAsync(BackFlowStaging s, string number) => s.ErpAsync("customers", $"number eq '{number}'");
}
