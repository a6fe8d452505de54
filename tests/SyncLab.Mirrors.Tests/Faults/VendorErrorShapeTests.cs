using System.Text.Json;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Pos;
using SyncLab.Mirrors.Storefront;
using SyncLab.Mirrors.Warehouse;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

public sealed class VendorErrorShapeTests
{
    private static readonly VendorFault Throttled = new(429, VendorFaultReason.Throttled, "GET", "/x", TimeSpan.FromSeconds(2));

    private static JsonElement Render(MirrorDescriptor mirror, VendorFault fault)
    {
        using var doc = JsonDocument.Parse(VendorErrorShapes.For(mirror).Render(fault).Body);
        return doc.RootElement.Clone();
    }

    [Fact]
    public void business_central_throttling_is_an_odata_error_with_its_code_and_a_correlation_id()
    {
        var error = Render(ErpMirror.Descriptor, Throttled).GetProperty("error");
        Assert.Equal("Application_TooManyRequests", error.GetProperty("code").GetString());
        Assert.Contains("CorrelationId:", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void shopify_errors_are_a_string_under_errors()
    {
        Assert.StartsWith("Exceeded 2 calls per second", Render(StorefrontMirror.Descriptor, Throttled).GetProperty("errors").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void square_errors_carry_category_and_code()
    {
        var error = Render(PosMirror.Descriptor, new VendorFault(503, VendorFaultReason.Unavailable, "GET", "/v2/locations", null)).GetProperty("errors")[0];
        Assert.Equal("API_ERROR", error.GetProperty("category").GetString());
        Assert.Equal("SERVICE_UNAVAILABLE", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
    }

    [Fact]
    public void shipstation_errors_are_snake_case_with_a_request_id()
    {
        var body = Render(WarehouseMirror.Descriptor, Throttled);
        Assert.True(Guid.TryParse(body.GetProperty("request_id").GetString(), out _));
        var error = body.GetProperty("errors")[0];
        Assert.Equal("ShipStation", error.GetProperty("error_source").GetString());
        Assert.Equal("system", error.GetProperty("error_type").GetString());
        Assert.Equal("rate_limit_exceeded", error.GetProperty("error_code").GetString());
    }

    [Fact]
    public void an_unknown_vendor_gets_a_plain_json_error()
    {
        var error = Render(new MirrorDescriptor("x", "Nobody", "API", "1"), new VendorFault(500, VendorFaultReason.ServerError, "GET", "/", null)).GetProperty("error");
        Assert.Equal(500, error.GetProperty("status").GetInt32());
        Assert.Equal("internal_error", error.GetProperty("code").GetString());
    }
}
