using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Pos.Square;
using SyncLab.Mirrors.Pos.Store;

namespace SyncLab.Mirrors.Pos.Locations;

/// <summary><c>GET /v2/locations</c> (ListLocations): the estate's stores as Square locations.</summary>
public static class ListLocations
{
    public static void Map(RouteGroupBuilder v2) => v2.MapGet("/locations", HandleAsync);

    public static async Task<JsonHttpResult<ListLocationsResponse>> HandleAsync(PosDb db, PosRuntime runtime, CancellationToken cancellationToken)
    {
        var rows = await db.Locations.AsNoTracking().OrderBy(l => l.Ordinal).ToListAsync(cancellationToken);
        var locations = rows.Select(l => ToSquare(l, runtime.MerchantId)).ToList();
        return TypedResults.Json(new ListLocationsResponse(locations), SquareJson.Options);
    }

    public static SquareLocation ToSquare(PosLocation l, string merchantId) => new()
    {
        Id = l.Id,
        Name = l.Name,
        Address = new SquareAddress { AddressLine1 = $"{100 + (l.Ordinal * 10)} Main Street", Locality = l.City, Country = "US" },
        Timezone = l.TimeZone,
        Capabilities = ["CREDIT_CARD_PROCESSING"],
        Status = "ACTIVE",
        CreatedAt = SquareJson.Time(l.CreatedAt),
        MerchantId = merchantId,
        Country = "US",
        LanguageCode = "en-US",
        Currency = l.Currency,
        BusinessName = "SyncLab Retail",
        Type = "PHYSICAL",
    };
}

public sealed record ListLocationsResponse(IReadOnlyList<SquareLocation> Locations);

/// <summary>Square <c>Location</c> (the properties this mirror fills).</summary>
public sealed record SquareLocation
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public SquareAddress? Address { get; init; }

    public string? Timezone { get; init; }

    public IReadOnlyList<string>? Capabilities { get; init; }

    public string? Status { get; init; }

    public string? CreatedAt { get; init; }

    public string? MerchantId { get; init; }

    public string? Country { get; init; }

    public string? LanguageCode { get; init; }

    public string? Currency { get; init; }

    public string? BusinessName { get; init; }

    public string? Type { get; init; }
}

/// <summary>Square <c>Address</c>; its numbered fields are not plain snake_case, hence the explicit names.</summary>
public sealed record SquareAddress
{
    [JsonPropertyName("address_line_1")]
    public string? AddressLine1 { get; init; }

    public string? Locality { get; init; }

    [JsonPropertyName("administrative_district_level_1")]
    public string? AdministrativeDistrictLevel1 { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }
}
