using SyncLab.Engine.Connectors.BusinessCentral;

namespace SyncLab.Engine.Catalog;

/// <summary>
/// The full state of one ERP item at one version, as carried by every change: handlers never re-read
/// the source, so a redelivered or reordered change is harmless.
/// </summary>
public sealed record ErpItemState(string Sku, string Number, decimal UnitPrice, decimal Inventory, bool Blocked, DateTimeOffset ModifiedAt)
{
    /// <summary>Versions sort as strings: zero-padded UTC ticks of the ERP's lastModifiedDateTime.</summary>
    public string Version => Pipeline.WorkQueue.Version(ModifiedAt);

    public static ErpItemState From(BcItem item) =>
        new(SkuRules.Canonical(item.Number), item.Number, item.UnitPrice, item.Inventory, item.Blocked, item.LastModifiedDateTime);
}

/// <summary>How the legacy ERP's item numbers become the SKU every other system knows.</summary>
public static class SkuRules
{
    /// <summary>The office keys numbers with trailing spaces and in any case; the canonical SKU is trimmed upper case.</summary>
    public static string Canonical(string number) => number.Trim().ToUpperInvariant();
}
