using SyncLab.Mirrors.Tests.Conformance;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary>The conformance check itself: it must catch what it exists to catch, or every conformance test is hollow.</summary>
public sealed class OpenApiShapeTests
{
    [Fact]
    public void a_property_the_square_schema_lacks_is_reported()
    {
        var violations = OpenApiShape.Square.Violations("{\"locations\":[{\"id\":\"L1\",\"colour\":\"red\"}]}", OpenApiShape.Square.ResponseSchema("/v2/locations", "get"));

        Assert.Equal(["$.locations[0]: property 'colour' is not in the schema"], violations);
    }

    [Fact]
    public void a_value_outside_a_square_enum_is_reported()
    {
        var violations = OpenApiShape.Square.Violations("{\"errors\":[{\"category\":\"OOPS\",\"code\":\"UNAUTHORIZED\"}]}", OpenApiShape.Square.Schema("ListLocationsResponse"));

        Assert.Single(violations);
        Assert.Contains("enum", violations[0], StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_required_square_property_is_reported()
    {
        var violations = OpenApiShape.Square.Violations("{\"errors\":[{\"category\":\"API_ERROR\"}]}", OpenApiShape.Square.Schema("ListLocationsResponse"));

        Assert.Equal(["$.errors[0]: required property 'code' is missing"], violations);
    }

    [Fact]
    public void a_wrong_json_type_is_reported_through_shipstations_inline_schemas()
    {
        var violations = OpenApiShape.ShipStation.Violations("{\"inventory\":[{\"sku\":\"A\",\"on_hand\":\"5\"}]}", OpenApiShape.ShipStation.ResponseSchema("/v2/inventory", "get"));

        Assert.Equal(["$.inventory[0].on_hand: string where the schema wants integer"], violations);
    }

    [Fact]
    public void shipstation_refs_and_all_of_are_followed_to_enums_and_required_properties()
    {
        var violations = OpenApiShape.ShipStation.Violations(
            "{\"errors\":[{\"error_source\":\"shipstation\",\"error_type\":\"security\",\"error_code\":\"unauthorized\",\"message\":\"m\"}]}",
            OpenApiShape.ShipStation.Schema("error_response_body"));

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("'request_id' is missing", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("error_source", StringComparison.Ordinal) && v.Contains("enum", StringComparison.Ordinal));
    }
}
