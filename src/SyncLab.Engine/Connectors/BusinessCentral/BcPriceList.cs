using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>A sales price list header (connector pricing API, synclab/pricing/v1.0): its dates are days in <see cref="TimeZone"/>.</summary>
public sealed record BcPriceList(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("startingDate")] DateOnly StartingDate,
    [property: JsonPropertyName("endingDate")] DateOnly EndingDate,
    [property: JsonPropertyName("timeZone")] string TimeZone);

/// <summary>One item's price on a price list; an ending date of 0001-01-01 (BC's blank date) means open-ended.</summary>
public sealed record BcPriceListLine(
    [property: JsonPropertyName("priceListId")] Guid PriceListId,
    [property: JsonPropertyName("priceListCode")] string PriceListCode,
    [property: JsonPropertyName("itemNumber")] string ItemNumber,
    [property: JsonPropertyName("unitPrice")] decimal UnitPrice,
    [property: JsonPropertyName("compareAtPrice")] decimal CompareAtPrice,
    [property: JsonPropertyName("currencyCode")] string CurrencyCode,
    [property: JsonPropertyName("startingDate")] DateOnly StartingDate,
    [property: JsonPropertyName("endingDate")] DateOnly EndingDate,
    [property: JsonPropertyName("lastModifiedDateTime")] DateTimeOffset LastModifiedDateTime);
