namespace SyncLab.Engine.Shoppers;

/// <summary>
/// The merchant's rules for shopper data (<see cref="EngineOptions.Shoppers"/>): how long bookkeeping keeps a customer's
/// name and address, when a shopper counts as gone, when the yearly purge runs and how price groups show on the storefront.
/// </summary>
public sealed record ShopperRules
{
    public static ShopperRules Default { get; } = new();

    /// <summary>Years a posted invoice's customer must stay identifiable (commercial bookkeeping: 10).</summary>
    public int BookkeepingRetentionYears { get; init; } = 10;

    /// <summary>Years without an order or invoice after which the yearly purge forgets a shopper.</summary>
    public int InactivityYears { get; init; } = 3;

    /// <summary>The purge runs at the start of this day each year, on the merchant's wall clock.</summary>
    public int PurgeMonth { get; init; } = 1;

    public int PurgeDay { get; init; } = 1;

    /// <summary>The storefront customer tag that carries the ERP price group (<c>price-group:TRADE</c>); the engine owns tags with this prefix.</summary>
    public string PriceGroupTagPrefix { get; init; } = "price-group:";

    /// <summary>
    /// Days a data-request report stays at <c>GET /engine/shoppers/data-requests/{id}</c> after it is compiled: Shopify gives the
    /// merchant 30 days to answer the shopper, and the report is itself personal data, so it goes when they are over.
    /// </summary>
    public int DataRequestReportDays { get; init; } = 30;

    /// <summary>The display name an erased customer card keeps in the ERP (the number stays, for the books).</summary>
    public string ErasedName { get; init; } = "Erased customer";
}
