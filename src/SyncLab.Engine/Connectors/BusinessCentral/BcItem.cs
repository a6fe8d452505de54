using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>
/// An item as Business Central API v2.0 answers it (the fields the engine reads). Price and stock are null when the
/// answer lacks them (an upgrade renamed or moved them: API drift); fields the engine does not know are kept in
/// <see cref="Unknown"/>, so the drift report can name what came instead.
/// </summary>
public sealed record BcItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("displayName2")] string? DisplayName2,
    [property: JsonPropertyName("blocked")] bool Blocked,
    [property: JsonPropertyName("gtin")] string? Gtin,
    [property: JsonPropertyName("inventory")] decimal? Inventory,
    [property: JsonPropertyName("unitPrice")] decimal? UnitPrice,
    [property: JsonPropertyName("baseUnitOfMeasureCode")] string? BaseUnitOfMeasureCode,
    [property: JsonPropertyName("lastModifiedDateTime")] DateTimeOffset LastModifiedDateTime,
    [property: JsonPropertyName("itemCategoryCode")] string? ItemCategoryCode = null)
{
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Unknown { get; init; }
}

/// <summary>
/// The custom API page (synclab/commerce/v1.0) that carries what the standard page lacks: the commerce
/// connector's table-extension fields and the card's creation time. A blank date is 0001-01-01, as in BC.
/// </summary>
public sealed record BcWebItem(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("webEnabled")] bool WebEnabled,
    [property: JsonPropertyName("brand")] string? Brand)
{
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("lifecycleCode")]
    public string? LifecycleCode { get; init; }

    [JsonPropertyName("restockDate")]
    public DateOnly? RestockDate { get; init; }

    [JsonPropertyName("allowBackorder")]
    public bool AllowBackorder { get; init; }

    [JsonPropertyName("lowStockThreshold")]
    public int LowStockThreshold { get; init; }

    [JsonPropertyName("seasonStartDate")]
    public DateOnly? SeasonStartDate { get; init; }

    [JsonPropertyName("seasonEndDate")]
    public DateOnly? SeasonEndDate { get; init; }

    [JsonPropertyName("systemCreatedAt")]
    public DateTimeOffset? SystemCreatedAt { get; init; }

    [JsonPropertyName("lastModifiedDateTime")]
    public DateTimeOffset LastModifiedDateTime { get; init; }
}
