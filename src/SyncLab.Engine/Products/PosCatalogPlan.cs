using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Square;

namespace SyncLab.Engine.Products;

/// <summary>What must change in the POS (Square) catalog for an ERP item: a pure decision, applied by <see cref="PosCatalogProcess"/>.</summary>
public static class PosCatalogPlan
{
    /// <summary>
    /// Hidden at the till: blocked or discontinued — permanently out. Taking an item off the web does not take it
    /// off the till, and an end-of-line item sells on in the stores at the ERP price (the markdown is the web's).
    /// </summary>
    public static bool Hidden(ErpItemState item, Lifecycle lifecycle) => item.Blocked || lifecycle == Lifecycle.Discontinued;

    /// <summary>
    /// The write to make, or null when the till already has it right. A new item is created only for a web item the
    /// till does not sell, complete enough to sell (a price at or above the mapping's minimum), and not hidden; an
    /// existing one follows the ERP price, and is archived while hidden (no price pushed then) and unarchived when back.
    /// </summary>
    public static SquareItemWrite? Decide(ErpItemState item, SquareCatalogItem? current, CatalogRules rules, string currency)
    {
        var lifecycle = ProductPlan.LifecycleOf(item, rules);
        if (item.UnitPrice < 0)
        {
            throw new DataErrorException($"{item.Sku}: the ERP unit price {item.UnitPrice} is negative");
        }
        var hidden = Hidden(item, lifecycle);
        if (current is null)
        {
            if (!item.WebEnabled || hidden || item.UnitPrice < rules.MinimumPrice)
            {
                return null;
            }
            return new SquareItemWrite(item.Sku, ProductPlan.Title(item.Description, rules), item.UnitPrice, currency, Archived: false);
        }
        if (hidden)
        {
            return current.Archived ? null : new SquareItemWrite(item.Sku, current.Name, current.Price, current.Currency, Archived: true, current);
        }
        return current.Price == item.UnitPrice && !current.Archived
            ? null
            : new SquareItemWrite(item.Sku, current.Name, item.UnitPrice, current.Currency, Archived: false, current);
    }

    /// <summary>A price list in effect on the till: only the price changes, and nothing is written for an item hidden or not sold there.</summary>
    public static SquareItemWrite? PriceInEffect(SquareCatalogItem? current, decimal price) =>
        current is null || current.Archived || current.Price == price
            ? null
            : new SquareItemWrite(current.Sku, current.Name, price, current.Currency, Archived: false, current);

    public static string Describe(SquareItemWrite write) =>
        write.Existing is not { } was
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"POS item {write.Sku} created at {write.Price:0.00} {write.Currency}")
            : write.Archived != was.Archived
                ? $"POS item {write.Sku} {(write.Archived ? "hidden at the till (archived)" : "back at the till")}"
                    + (write.Price != was.Price ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" at {write.Price:0.00}") : string.Empty)
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"POS price {write.Sku} {was.Price:0.00} -> {write.Price:0.00}");
}
