namespace SyncLab.Engine.Inventory;

/// <summary>One warehouse's part of a SKU's stock: what it can still promise, and how much of its allocations are web orders.</summary>
/// <param name="Available">On hand less allocated (never below zero).</param>
/// <param name="WebAllocated">Units pending web-order shipments hold allocated there (already out of <paramref name="Available"/>).</param>
public sealed record WarehouseStock(string Warehouse, int Available, int WebAllocated);

/// <summary>One store's IN_STOCK count of a SKU (Square counts are decimals and may be negative).</summary>
public sealed record StoreStock(string Store, decimal InStock);

/// <summary>Everything available-to-sell of one SKU at one storefront location depends on.</summary>
/// <param name="Committed">Units of open web orders at that location not yet shipped (the storefront's <c>committed</c>).</param>
public sealed record AtsInputs(IReadOnlyList<WarehouseStock> Warehouses, IReadOnlyList<StoreStock> Stores, int SafetyStock, int Committed);

/// <summary>
/// Available-to-sell from the warehouse and the stores: warehouse available + offered store stock − safety stock −
/// open reservations, never below zero. A reservation is a web order the warehouse has not allocated yet (committed
/// on the storefront, not yet counted against the warehouse's available). Pure: data in, number out.
/// </summary>
public static class AtsPlan
{
    public static int AvailableToSell(AtsInputs inputs)
    {
        var warehouses = inputs.Warehouses.Sum(w => (long)Math.Max(0, w.Available));
        // A store that sold what its books did not hold shows a negative count: it must not eat warehouse stock.
        var stores = inputs.Stores.Sum(s => (long)Math.Max(0m, Math.Floor(s.InStock)));
        var reservations = Reservations(inputs);
        var ats = warehouses + stores - Math.Max(0, inputs.SafetyStock) - reservations;
        return (int)Math.Clamp(ats, 0, int.MaxValue);
    }

    /// <summary>Web orders not yet allocated in the warehouse: committed on the storefront less what pending web shipments hold.</summary>
    public static long Reservations(AtsInputs inputs) =>
        Math.Max(0, inputs.Committed - inputs.Warehouses.Sum(w => (long)Math.Max(0, w.WebAllocated)));
}
