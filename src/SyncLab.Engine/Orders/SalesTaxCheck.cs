using System.Globalization;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;

namespace SyncLab.Engine.Orders;

/// <summary>
/// The shopper paid the storefront's sales tax; the ERP taxes a sales order at the rate of its own tax setup on the
/// order's date. Before an order goes to the ERP the two must agree, line by line: a mismatch (a rate change at
/// midnight the office keyed late, early or wrong) is a data error on the order, never an order silently re-taxed
/// at the ERP's rate. Once the office corrects the ERP's rates, a replay sends the order as the shopper paid it.
/// </summary>
public static class SalesTaxCheck
{
    /// <summary>The ERP's rate (percent) in force on <paramref name="date"/>: the latest effective on or before it.</summary>
    public static decimal? ErpPercentOn(IReadOnlyList<BcSalesTaxRate> rates, DateOnly date) =>
        rates.Where(r => r.EffectiveDate <= date).OrderBy(r => r.EffectiveDate).LastOrDefault()?.TaxPercent;

    /// <summary>A line's tax at a percentage, as the ERP rounds it: to the cent.</summary>
    public static decimal Amount(ShopifyOrderLine line, decimal percent) =>
        Math.Round(line.Quantity * line.UnitPrice * percent / 100m, 2, MidpointRounding.AwayFromZero);

    public static void Ensure(ShopifyOrder order, DateOnly orderDate, IReadOnlyList<BcSalesTaxRate> rates)
    {
        var erp = ErpPercentOn(rates, orderDate);
        var problems = new List<string>();
        foreach (var line in order.Lines)
        {
            var paid = Math.Round((line.TaxRate ?? 0m) * 100m, 4);
            var sku = line.Sku is { Length: > 0 } s ? SkuRules.Canonical(s) : line.Title;
            if (erp is not { } percent)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{sku}: the ERP's tax setup has no sales tax rate for {orderDate:yyyy-MM-dd}"));
            }
            else if (paid != percent)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{sku}: the shopper paid {paid:0.####} % sales tax ({line.TaxAmount:0.00}) but the ERP's tax setup has {percent:0.####} % on {orderDate:yyyy-MM-dd} ({Amount(line, percent):0.00})"));
            }
            else if (Amount(line, percent) != line.TaxAmount)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{sku}: the shopper paid {line.TaxAmount:0.00} sales tax; the ERP's {percent:0.####} % comes to {Amount(line, percent):0.00}"));
            }
        }
        if (problems.Count > 0)
        {
            throw new DataErrorException(
                $"order {order.Name}: sales tax differs from the ERP's: {string.Join("; ", problems)}. The engine does not re-tax what the shopper paid: correct the ERP's sales tax rates, then replay the order");
        }
    }
}
