using System.Text.Json.Serialization;

namespace SyncLab.Engine.Connectors.BusinessCentral;

/// <summary>An item as Business Central API v2.0 answers it (the fields the engine reads).</summary>
public sealed record BcItem(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("displayName")] string DisplayName,
    [property: JsonPropertyName("displayName2")] string? DisplayName2,
    [property: JsonPropertyName("blocked")] bool Blocked,
    [property: JsonPropertyName("gtin")] string? Gtin,
    [property: JsonPropertyName("inventory")] decimal Inventory,
    [property: JsonPropertyName("unitPrice")] decimal UnitPrice,
    [property: JsonPropertyName("baseUnitOfMeasureCode")] string? BaseUnitOfMeasureCode,
    [property: JsonPropertyName("lastModifiedDateTime")] DateTimeOffset LastModifiedDateTime);

/// <summary>The custom API page (synclab/commerce/v1.0) that carries what the standard page lacks.</summary>
public sealed record BcWebItem(
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("webEnabled")] bool WebEnabled,
    [property: JsonPropertyName("brand")] string? Brand);
