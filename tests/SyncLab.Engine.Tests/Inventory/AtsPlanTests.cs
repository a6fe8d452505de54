using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Inventory;

namespace SyncLab.Engine.Tests.Inventory;

public sealed class AtsPlanTests
{
    private static AtsInputs Inputs(int available, int webAllocated = 0, decimal[]? stores = null, int safety = 0, int committed = 0) =>
        new([new WarehouseStock("Warehouse 1", available, webAllocated)], [.. (stores ?? []).Select((s, i) => new StoreStock($"Store {i + 1}", s))], safety, committed);

    [Theory]
    [InlineData(12, 0, 12)]
    [InlineData(12, 2, 10)]
    [InlineData(2, 5, 0)]
    [InlineData(0, 0, 0)]
    public void warehouse_available_less_safety_stock_never_below_zero(int available, int safety, int ats) =>
        Assert.Equal(ats, AtsPlan.AvailableToSell(Inputs(available, safety: safety)));

    [Fact]
    public void stores_offered_to_the_web_add_their_whole_units() =>
        Assert.Equal(12 + 5 + 3, AtsPlan.AvailableToSell(Inputs(12, stores: [5m, 3.6m])));

    [Fact]
    public void a_store_that_sold_beyond_its_books_takes_nothing_from_the_warehouse() =>
        Assert.Equal(10 + 2, AtsPlan.AvailableToSell(Inputs(10, stores: [-3m, 2m])));

    [Theory]
    [InlineData(10, 0, 3, 7)]  // an order the warehouse has not allocated: reserved
    [InlineData(7, 3, 3, 7)]   // allocated: already out of the warehouse's available, not reserved again
    [InlineData(8, 1, 3, 6)]   // partly allocated
    [InlineData(5, 4, 2, 5)]   // the warehouse holds more for the web than is committed (shipped, not yet fulfilled): no negative reservation
    public void web_orders_are_reserved_until_the_warehouse_allocates_them(int available, int webAllocated, int committed, int ats) =>
        Assert.Equal(ats, AtsPlan.AvailableToSell(Inputs(available, webAllocated, committed: committed)));

    [Fact]
    public void reservations_and_safety_stock_together_never_go_below_zero() =>
        Assert.Equal(0, AtsPlan.AvailableToSell(Inputs(3, safety: 2, committed: 4)));

    [Fact]
    public void several_warehouses_add_up() =>
        Assert.Equal(9, AtsPlan.AvailableToSell(new AtsInputs([new("A", 4, 0), new("B", 5, 0)], [], 0, 0)));

    [Theory]
    [InlineData("SKU-1", "KITCHEN", 5)]  // the item's own
    [InlineData("sku-1", null, 5)]       // any case
    [InlineData("SKU-2", "KITCHEN", 3)]  // its category's
    [InlineData("SKU-2", "kitchen", 3)]
    [InlineData("SKU-2", "GARDEN", 1)]   // the default
    [InlineData("SKU-2", null, 1)]
    public void safety_stock_is_the_items_own_else_its_categorys_else_the_default(string sku, string? category, int expected)
    {
        var rules = new SafetyStockRules
        {
            Default = 1,
            ByCategory = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["KITCHEN"] = 3 },
            BySku = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["SKU-1"] = 5 },
        };
        Assert.Equal(expected, rules.For(sku, category));
    }

    [Fact]
    public void a_warehouses_live_stock_counts_only_its_own_levels_and_web_allocations()
    {
        var names = new Dictionary<string, string> { ["se-200001"] = "Warehouse 1", ["se-200002"] = "Warehouse 2" };
        ShipStationLevel[] levels = [new("SKU-1", "se-200001", 10, 3), new("SKU-1", "se-200002", 7, 0), new("SKU-2", "se-200001", 50, 0)];
        ShipStationAllocation[] allocations = [new("SKU-1", "Warehouse 1", 2), new("SKU-2", "Warehouse 1", 4), new("SKU-1", "Warehouse 2", 1)];

        var stock = AtsProcess.Live("warehouse 1", levels, names, allocations, "SKU-1");

        Assert.Equal(new WarehouseStock("warehouse 1", 7, 2), stock);
    }

    [Fact]
    public void on_hand_below_allocated_promises_nothing() => Assert.Equal(0, new ShipStationLevel("SKU-1", "se-200001", 2, 5).Available);
}
