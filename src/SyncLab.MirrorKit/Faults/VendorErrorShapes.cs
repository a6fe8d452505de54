using System.Text.Json;
using SyncLab.MirrorKit.Hosting;

namespace SyncLab.MirrorKit.Faults;

/// <summary>
/// The error bodies of the vendors SyncLab mirrors, as the fallback for a mirror that registers no
/// <see cref="IVendorErrorShape"/> of its own (picked by <see cref="MirrorDescriptor.Vendor"/>). They follow
/// vendor-specs/BEHAVIOUR.md and the vendors' published schemas; where a vendor documents no code for a
/// status, the code chosen is named in docs/faults.md.
/// </summary>
public static class VendorErrorShapes
{
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static IVendorErrorShape For(MirrorDescriptor descriptor) => descriptor.Vendor switch
    {
        "Microsoft" => BusinessCentral,
        "Shopify" => Shopify,
        "Square" => Square,
        "ShipStation" => ShipStation,
        _ => DefaultErrorShape.Instance,
    };

    /// <summary>Business Central (OData v4): <c>{"error":{"code","message"}}</c>, the message ending with a correlation id.</summary>
    public static IVendorErrorShape BusinessCentral { get; } = new DelegateErrorShape(fault =>
    {
        var code = fault.Reason switch
        {
            VendorFaultReason.Throttled => "Application_TooManyRequests",
            VendorFaultReason.Unavailable => "Internal_ServiceUnavailable",
            VendorFaultReason.Rejected => "BadRequest",
            _ => "Internal_ServerError",
        };
        var body = JsonSerializer.Serialize(new { error = new { code, message = $"{fault.Message}  CorrelationId:  {Guid.NewGuid():D}." } });
        return new VendorErrorResponse("application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8", body,
            new Dictionary<string, string> { ["OData-Version"] = "4.0" });
    });

    /// <summary>Shopify Admin API: <c>{"errors":"..."}</c> on a non-200 answer (REST wording for 429).</summary>
    public static IVendorErrorShape Shopify { get; } = new DelegateErrorShape(fault =>
    {
        var text = fault.Reason switch
        {
            VendorFaultReason.Throttled => "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
            VendorFaultReason.Unavailable => "Service Unavailable",
            VendorFaultReason.Rejected => "Bad Request",
            _ => "Internal Server Error",
        };
        return new VendorErrorResponse("application/json; charset=utf-8", JsonSerializer.Serialize(new { errors = text }));
    });

    /// <summary>Square: <c>{"errors":[{"category","code","detail"}]}</c> with the documented categories and codes.</summary>
    public static IVendorErrorShape Square { get; } = new DelegateErrorShape(fault =>
    {
        var (category, code) = fault.Reason switch
        {
            VendorFaultReason.Throttled => ("RATE_LIMIT_ERROR", "RATE_LIMITED"),
            VendorFaultReason.Unavailable => ("API_ERROR", "SERVICE_UNAVAILABLE"),
            VendorFaultReason.Rejected => ("INVALID_REQUEST_ERROR", "BAD_REQUEST"),
            _ => fault.Status switch
            {
                504 => ("API_ERROR", "GATEWAY_TIMEOUT"),
                502 => ("API_ERROR", "BAD_GATEWAY"),
                _ => ("API_ERROR", "INTERNAL_SERVER_ERROR"),
            },
        };
        var body = JsonSerializer.Serialize(new { errors = new[] { new { category, code, detail = fault.Message } } });
        return new VendorErrorResponse("application/json; charset=utf-8", body);
    });

    /// <summary>ShipStation API v2: <c>{"request_id","errors":[{"error_source","error_type","error_code","message"}]}</c>.</summary>
    public static IVendorErrorShape ShipStation { get; } = new DelegateErrorShape(fault =>
    {
        var (type, code) = fault.Reason switch
        {
            VendorFaultReason.Throttled => ("system", "rate_limit_exceeded"),
            VendorFaultReason.Rejected => ("validation", "unspecified"),
            _ => ("system", "unspecified"),
        };
        var body = JsonSerializer.Serialize(
            new
            {
                RequestId = Guid.NewGuid().ToString("D"),
                Errors = new[] { new { ErrorSource = "ShipStation", ErrorType = type, ErrorCode = code, fault.Message } },
            },
            SnakeCase);
        return new VendorErrorResponse("application/json; charset=utf-8", body);
    });
}
