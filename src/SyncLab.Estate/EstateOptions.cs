namespace SyncLab.Estate;

/// <summary>What to generate. The same options (seed included) always give a byte-identical estate.</summary>
public sealed record EstateOptions
{
    public int Seed { get; init; } = 42;

    public int Skus { get; init; } = 50;

    public int Customers { get; init; } = 20;

    public int Warehouses { get; init; } = 1;

    public int Stores { get; init; } = 2;

    public string Currency { get; init; } = "USD";

    /// <summary>The merchant's home time zone: price lists start at midnight here.</summary>
    public string TimeZone { get; init; } = "America/Chicago";

    /// <summary>The day the ERP was upgraded: before it the brand lived in Description 2.</summary>
    public DateOnly UpgradeDate { get; init; } = new(2024, 7, 1);

    /// <summary>The business instant the estate describes ("today" in the data); items are created before it.</summary>
    public DateTimeOffset AsOf { get; init; } = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public LegacyQuirks Quirks { get; init; } = LegacyQuirks.Typical;
}

/// <summary>How messy the legacy ERP data is, as rates between 0 and 1.</summary>
public sealed record LegacyQuirks(
    double Shorthand,
    double MixedUnitCodes,
    double DuplicateGtin,
    double SkuDrift,
    double NegativeStock,
    double BlockedButOnWeb)
{
    public static LegacyQuirks Typical { get; } = new(0.3, 0.3, 0.02, 0.05, 0.02, 0.02);

    public static LegacyQuirks None { get; } = new(0, 0, 0, 0, 0, 0);
}
