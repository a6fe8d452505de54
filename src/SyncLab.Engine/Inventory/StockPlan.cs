using SyncLab.Engine.Catalog;

namespace SyncLab.Engine.Inventory;

public static class StockPlan
{
    /// <summary>
    /// Available to sell on the web: ERP stock less the safety stock, never below zero (the legacy ERP
    /// books negative stock; the web must show none, not minus).
    /// </summary>
    public static int AvailableToSell(ErpItemState item, int safetyStock) =>
        (int)Math.Max(0, Math.Floor(item.Inventory) - safetyStock);
}
