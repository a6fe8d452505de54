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

    /// <summary>A USPS-style 22-digit tracking number, unique per label.</summary>
    public static string TrackingNumber(long sequence) => $"9400{sequence:D18}";

    /// <summary>The one carrier account this mirror "buys" labels from.</summary>
    public const string CarrierId = "se-700001";
}
