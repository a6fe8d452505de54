namespace SyncLab.Mirrors.Warehouse.Store;

/// <summary>Deterministic ShipStation ids: <c>se-</c> plus a number, by position in the estate.</summary>
public static class ShipStationIds
{
    public static string Warehouse(int index) => $"se-{100001 + index}";

    public static string InventoryWarehouse(int index) => $"se-{200001 + index}";

    public static string InventoryLocation(int index) => $"se-{300001 + index}";

    public static int Product(int index) => 10000001 + index;

    public static string Shipment(long sequence) => $"se-{500000 + sequence}";

    public static string Label(long sequence) => $"se-{600000 + sequence}";

    public static string Webhook(long sequence) => $"se-{800000 + sequence}";

    // Carrier accounts (se-7000nn) and their tracking numbers: Carriers/ShipStationCarriers.cs.
}
