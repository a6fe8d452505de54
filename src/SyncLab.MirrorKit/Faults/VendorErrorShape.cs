using System.Text.Json;

namespace SyncLab.MirrorKit.Faults;

/// <summary>Why a fault answers, in words every vendor has an error code for.</summary>
public enum VendorFaultReason
{
    /// <summary>5xx: the vendor failed.</summary>
    ServerError,

    /// <summary>503 from a maintenance window: the vendor is down for a while.</summary>
    Unavailable,

    /// <summary>429 (or a vendor's own throttling status): too many requests.</summary>
    Throttled,

    /// <summary>A 4xx other than 429: the vendor refused the call.</summary>
    Rejected,
}

/// <summary>One injected error, as an error shape needs to know it.</summary>
public sealed record VendorFault(int Status, VendorFaultReason Reason, string Method, string Path, TimeSpan? RetryAfter)
{
    /// <summary>A sentence a vendor might put in the body.</summary>
    public string Message => Reason switch
    {
        VendorFaultReason.Throttled => "Too many requests. Retry after the number of seconds in Retry-After.",
        VendorFaultReason.Unavailable => "The service is down for maintenance. Retry after the number of seconds in Retry-After.",
        VendorFaultReason.Rejected => "The request could not be processed.",
        _ => "An internal server error occurred. Please try again later.",
    };

    public static VendorFaultReason ReasonFor(FaultKind kind, int status) => kind switch
    {
        FaultKind.Throttle => VendorFaultReason.Throttled,
        FaultKind.Maintenance => VendorFaultReason.Unavailable,
        _ => status switch
        {
            429 => VendorFaultReason.Throttled,
            503 => VendorFaultReason.Unavailable,
            < 500 => VendorFaultReason.Rejected,
            _ => VendorFaultReason.ServerError,
        },
    };
}

/// <summary>The body (and any extra headers) an injected error goes out with.</summary>
public sealed record VendorErrorResponse(string ContentType, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// How a vendor writes its errors, so that an injected fault looks like the real vendor's failure to the
/// client under test. A mirror registers its own in DI (<c>services.AddSingleton&lt;IVendorErrorShape&gt;(...)</c>,
/// after <see cref="Hosting.MirrorHost.CreateBuilder"/>); without one, <see cref="VendorErrorShapes.For"/> picks
/// the shape of the mirror's vendor, or a plain JSON body.
/// </summary>
public interface IVendorErrorShape
{
    VendorErrorResponse Render(VendorFault fault);
}

/// <summary>An error shape from a delegate, for a mirror or a foreign stub that needs only a function.</summary>
public sealed class DelegateErrorShape(Func<VendorFault, VendorErrorResponse> render) : IVendorErrorShape
{
    public VendorErrorResponse Render(VendorFault fault) => render(fault);
}

/// <summary>The shape used when nothing better is known: <c>{"error":{"status","code","message"}}</c>.</summary>
public sealed class DefaultErrorShape : IVendorErrorShape
{
    public static DefaultErrorShape Instance { get; } = new();

    public VendorErrorResponse Render(VendorFault fault) => new("application/json; charset=utf-8", JsonSerializer.Serialize(new
    {
        error = new
        {
            status = fault.Status,
            code = fault.Reason switch
            {
                VendorFaultReason.Throttled => "rate_limited",
                VendorFaultReason.Unavailable => "service_unavailable",
                VendorFaultReason.Rejected => "bad_request",
                _ => "internal_error",
            },
            message = fault.Message,
        },
    }));
}
