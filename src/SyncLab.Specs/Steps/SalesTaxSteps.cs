using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>Sales tax rate changes on the storefront and in the ERP, and the tax web orders carry into the ERP.</summary>
[Binding]
public sealed class SalesTaxSteps(SalesTaxDriver taxes, ErpDriver erp, ScenarioOrders orders)
{
    private const string Percent = @"(\d+(?:\.\d+)?) %";
    private const string At = @"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}) in ([A-Za-z_]+(?:/[A-Za-z_]+)*)";

    [Given(@"^the sales tax goes from " + Percent + " to " + Percent + " at " + At + ", on the storefront and in the ERP$")]
    public async Task GivenTheRateChanges(decimal from, decimal to, string local, string zone)
    {
        var at = BusinessTime.At(local, zone);
        await taxes.StorefrontChargesAsync(from, BusinessTime.At($"{SalesTaxDriver.Always} 00:00", zone));
        await taxes.StorefrontChargesAsync(to, at);
        await taxes.ErpTaxesAsync(from, SalesTaxDriver.Always);
        await taxes.ErpTaxesAsync(to, SalesTaxDriver.Day(at, zone));
    }

    [Given(@"^the storefront charges " + Percent + " sales tax from " + At + ", but the ERP still has " + Percent + "$")]
    public async Task GivenOnlyTheStorefrontChanges(decimal to, string local, string zone, decimal erpPercent)
    {
        await taxes.StorefrontChargesAsync(to, BusinessTime.At(local, zone));
        await taxes.ErpTaxesAsync(erpPercent, SalesTaxDriver.Always);
    }

    [Given(@"^the office keys a sales tax rate of " + Percent + @" in the ERP from (\d{4}-\d{2}-\d{2})$")]
    [When(@"^the office keys a sales tax rate of " + Percent + @" in the ERP from (\d{4}-\d{2}-\d{2})$")]
    public Task WhenTheOfficeKeysARate(decimal percent, string day) => taxes.ErpTaxesAsync(percent, day);

    [Then(@"^the ERP sales order for the (first |)web order carries " + Percent + " sales tax, the tax the shopper paid$")]
    public async Task ThenTheOrderCarries(string which, decimal percent)
    {
        var web = which.Length > 0 ? orders.First : orders.Last;
        var external = ScenarioOrders.ExternalNumberOf(web);
        var order = (await erp.SalesOrdersAsync(external)).SingleOrDefault()
            ?? throw new InvalidOperationException($"the ERP has no sales order for {external}");
        var lines = order["salesOrderLines"]!.AsArray();
        Expect.That(lines.All(l => (decimal)l!["taxPercent"]! == percent),
            $"ERP sales order {(string?)order["number"]} taxes its lines at {string.Join(", ", lines.Select(l => (decimal)l!["taxPercent"]!))} %, expected {percent} %");
        var paid = decimal.Parse((string)web["totalTax"]!, CultureInfo.InvariantCulture);
        Expect.That((decimal)order["totalTaxAmount"]! == paid,
            $"ERP sales order {(string?)order["number"]} carries {(decimal)order["totalTaxAmount"]!} sales tax; the shopper paid {paid}");
    }
}
