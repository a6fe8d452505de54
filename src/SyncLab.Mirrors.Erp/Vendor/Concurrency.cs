using SyncLab.Mirrors.Erp.OData;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>Optimistic concurrency as the vendor API does it: PATCH and DELETE need <c>If-Match</c>.</summary>
internal static class Concurrency
{
    /// <summary>The <c>If-Match</c> value (an ETag or <c>*</c>); missing → 400 BadRequest_InvalidToken.</summary>
    public static string RequireIfMatch(this VendorRequest request) =>
        request.Header("If-Match") is { Length: > 0 } ifMatch && !string.IsNullOrWhiteSpace(ifMatch) ? ifMatch.Trim() : throw VendorError.MissingETag();

    /// <summary>412 (or the configured status) Request_EntityChanged.</summary>
    public static VendorError Stale(this VendorRequest request) => VendorError.StaleETag(request.Service<ErpMirrorSettings>().StaleETagStatus);
}
