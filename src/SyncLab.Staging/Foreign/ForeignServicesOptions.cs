namespace SyncLab.Staging.Foreign;

/// <summary>The services a staging fakes with WireMock.Net because SyncLab does not mirror them (see docs/faults.md).</summary>
public sealed record ForeignServicesOptions
{
    /// <summary>Start the tax, carrier and address stubs (on BasePort+5..+7, or free ports).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The tax service's effective-dated rates; later additions through the admin API go on top.</summary>
    public IReadOnlyList<TaxRate> TaxRates { get; init; } = TaxRate.Defaults;

    /// <summary>Seeds the stubs' fault draws, as <c>FaultSettings.Seed</c> does for a mirror.</summary>
    public int FaultSeed { get; init; } = 1;
}

/// <summary>
/// A sales-tax rate for US postal codes starting with <paramref name="PostalPrefix"/> ("" for all),
/// in force from <paramref name="EffectiveFrom"/> (a business-clock instant, usually a local midnight)
/// until a later rate for the same prefix takes over.
/// </summary>
public sealed record TaxRate(string PostalPrefix, decimal Rate, DateTimeOffset EffectiveFrom, string Jurisdiction)
{
    /// <summary>
    /// Illustrative combined rates (not tax advice), including one scheduled change: Chicago's rate goes
    /// up at midnight on 2027-01-01, Central time, so a scenario can cross it on the business clock.
    /// </summary>
    public static IReadOnlyList<TaxRate> Defaults { get; } =
    [
        new(string.Empty, 0.0725m, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), "United States (fallback)"),
        new("100", 0.08875m, new DateTimeOffset(2009, 8, 1, 0, 0, 0, TimeSpan.FromHours(-4)), "New York, NY"),
        new("606", 0.1025m, new DateTimeOffset(2021, 7, 1, 0, 0, 0, TimeSpan.FromHours(-5)), "Chicago, IL"),
        new("606", 0.1050m, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(-6)), "Chicago, IL"),
        new("97", 0m, new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)), "Oregon (no sales tax)"),
        new("981", 0.1035m, new DateTimeOffset(2024, 4, 1, 0, 0, 0, TimeSpan.FromHours(-7)), "Seattle, WA"),
    ];
}
