using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.Webhooks;

/// <summary>
/// <c>/api/v2.0/subscriptions</c>: create (with the validationToken handshake), read, renew (PATCH, handshake
/// again, three more days on the business clock) and delete webhook subscriptions.
/// </summary>
internal static class SubscriptionsApi
{
    /// <summary>The entity sets of this mirror that notify; a subset of the vendor's webhook-supported list.</summary>
    private static readonly string[] Notifying = ["items", "customers", "salesOrders", "salesInvoices", "salesShipments", "salesCreditMemos"];

    public static EntityShape<SubscriptionRecord> Shape { get; } = new EntityShape<SubscriptionRecord>("subscriptions", "subscriptions")
        .Map("subscriptionId", s => s.SubscriptionId)
        .Map("notificationUrl", s => s.NotificationUrl)
        .Map("resource", s => s.Resource)
        .Map("timestamp", s => s.Version)
        .Constant("userId", Guid.Empty)
        .Map("lastModifiedDateTime", s => s.LastModifiedDateTime)
        .Map("clientState", s => s.ClientState)
        .Map("expirationDateTime", s => s.ExpirationDateTime)
        .Map("systemCreatedAt", s => s.CreatedAt)
        .Constant("systemCreatedBy", Guid.Empty)
        .Map("systemModifiedAt", s => s.LastModifiedDateTime)
        .Constant("systemModifiedBy", Guid.Empty)
        .WithETag(s => ODataJson.ETag(s.Version))
        .OrderedBy("subscriptionId");

    public static void Map(VendorRoutes routes) => routes
        .Add(VendorRoutes.Standard, "GET", "subscriptions", ListAsync)
        .Add(VendorRoutes.Standard, "POST", "subscriptions", CreateAsync)
        .Add(VendorRoutes.Standard, "GET", "subscriptions()", GetAsync)
        .Add(VendorRoutes.Standard, "PATCH", "subscriptions()", RenewAsync)
        .Add(VendorRoutes.Standard, "DELETE", "subscriptions()", DeleteAsync);

    private static Task<VendorResponse> ListAsync(VendorRequest request, CancellationToken cancellationToken) =>
        CollectionPage.AnswerAsync(request.Service<ErpDb>().Subscriptions, Shape, request, request.Context("subscriptions"),
            request.Service<ErpMirrorSettings>().PageSize, cancellationToken);

    private static async Task<VendorResponse> GetAsync(VendorRequest request, CancellationToken cancellationToken) =>
        VendorResponse.Entity(200, Shape, await FindAsync(request, tracked: false, cancellationToken), request.Context("subscriptions/$entity"));

    private static async Task<VendorResponse> CreateAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var body = RequestBody.Of(request.Body, Shape.EntityName, ["notificationUrl", "resource", "clientState"], ["subscriptionId", "expirationDateTime", "lastModifiedDateTime"]);
        var url = body.String("notificationUrl");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var notificationUri) || notificationUri.Scheme is not ("http" or "https"))
        {
            throw new VendorError(400, "BadRequest_RequiredParamNotProvided", "Field 'notificationUrl' must be an absolute http or https URL.");
        }
        var resource = body.String("resource") ?? string.Empty;
        var key = WebhookPlan.ResourceKey(resource);
        var company = request.Service<ErpCompany>();
        var supported = Notifying.Select(s => $"v2.0/companies({company.Id:D})/{s}".ToLowerInvariant());
        if (!supported.Any(s => key == s || (key.StartsWith(s + "(", StringComparison.Ordinal) && key.EndsWith(')'))))
        {
            throw VendorError.BadRequest($"The resource '{resource}' is not a resource of this company that supports webhooks ({string.Join(", ", Notifying)}).");
        }
        var clientState = body.String("clientState") ?? string.Empty;
        if (clientState.Length > 2048)
        {
            throw new VendorError(400, "Application_StringExceededLength", $"The length of the string is {clientState.Length}, but it must be less than or equal to 2048 characters.");
        }
        await HandshakeAsync(request, url!, cancellationToken);

        var db = request.Service<ErpDb>();
        var now = ErpTime.Now(request.Service<TimeProvider>());
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var subscription = new SubscriptionRecord
        {
            SubscriptionId = Guid.NewGuid().ToString("N"),
            Seq = await lease.NextSeqAsync<SubscriptionRecord>(cancellationToken),
            NotificationUrl = url!,
            Resource = resource,
            ResourceKey = key,
            ClientState = clientState,
            CreatedAt = now,
            LastModifiedDateTime = now,
            ExpirationDateTime = now + request.Service<ErpMirrorSettings>().SubscriptionLifetime,
            Version = lease.NextVersion(),
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        request.Service<ChangeNotifier>().SubscriptionsChanged(await db.Subscriptions.CountAsync(cancellationToken));
        request.Service<MirrorLedger>().RecordEffect($"erp: subscription {subscription.SubscriptionId} to {resource} for {url}, expires {ODataJson.Instant(subscription.ExpirationDateTime)}", "subscriptions");
        return VendorResponse.Entity(201, Shape, subscription, request.Context("subscriptions/$entity"));
    }

    private static async Task<VendorResponse> RenewAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var ifMatch = request.Header("If-Match");
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            throw VendorError.MissingETag();
        }
        var body = RequestBody.Of(request.Body ?? RequestBody.EmptyObject, Shape.EntityName, ["notificationUrl", "clientState", "resource"], ["subscriptionId", "expirationDateTime", "lastModifiedDateTime"]);
        // The handshake is a network call: make it before taking the write gate.
        var current = await FindAsync(request, tracked: false, cancellationToken);
        if (ifMatch != "*" && ifMatch != Shape.ETag!(current))
        {
            throw VendorError.StaleETag(request.Service<ErpMirrorSettings>().StaleETagStatus);
        }
        if (body.String("resource") is { } resource && WebhookPlan.ResourceKey(resource) != current.ResourceKey)
        {
            throw new VendorError(400, "BadRequest_InvalidOperation", "Control 'resource' is read-only.");
        }
        var url = body.String("notificationUrl") ?? current.NotificationUrl;
        await HandshakeAsync(request, url, cancellationToken);

        var db = request.Service<ErpDb>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var subscription = await FindAsync(request, tracked: true, cancellationToken);
        if (ifMatch != "*" && ifMatch != Shape.ETag!(subscription))
        {
            throw VendorError.StaleETag(request.Service<ErpMirrorSettings>().StaleETagStatus);
        }
        var now = ErpTime.Now(request.Service<TimeProvider>());
        subscription.NotificationUrl = url;
        subscription.ClientState = body.String("clientState") ?? subscription.ClientState;
        subscription.ExpirationDateTime = now + request.Service<ErpMirrorSettings>().SubscriptionLifetime;
        subscription.LastModifiedDateTime = now;
        subscription.Version = lease.NextVersion();
        await db.SaveChangesAsync(cancellationToken);
        request.Service<MirrorLedger>().RecordEffect($"erp: subscription {subscription.SubscriptionId} renewed until {ODataJson.Instant(subscription.ExpirationDateTime)}", "subscriptions");
        return VendorResponse.Entity(200, Shape, subscription, request.Context("subscriptions/$entity"));
    }

    private static async Task<VendorResponse> DeleteAsync(VendorRequest request, CancellationToken cancellationToken)
    {
        var db = request.Service<ErpDb>();
        using var lease = await request.Service<ErpWriteGate>().EnterAsync(db, cancellationToken);
        var subscription = await FindAsync(request, tracked: true, cancellationToken);
        if (request.Header("If-Match") is { Length: > 0 } ifMatch && ifMatch != "*" && ifMatch != Shape.ETag!(subscription))
        {
            throw VendorError.StaleETag(request.Service<ErpMirrorSettings>().StaleETagStatus);
        }
        db.Subscriptions.Remove(subscription);
        await db.SaveChangesAsync(cancellationToken);
        request.Service<ChangeNotifier>().SubscriptionsChanged(await db.Subscriptions.CountAsync(cancellationToken));
        request.Service<MirrorLedger>().RecordEffect($"erp: subscription {subscription.SubscriptionId} deleted by the subscriber", "subscriptions");
        return VendorResponse.NoContent;
    }

    private static async Task<SubscriptionRecord> FindAsync(VendorRequest request, bool tracked, CancellationToken cancellationToken)
    {
        var id = Keys.Text(request.Segments[0].Key!);
        var set = request.Service<ErpDb>().Subscriptions;
        return await (tracked ? set : set.AsNoTracking()).FirstOrDefaultAsync(s => s.SubscriptionId == id, cancellationToken)
            ?? throw VendorError.NotFound($"The subscription '{id}' does not exist.");
    }

    private static async Task HandshakeAsync(VendorRequest request, string url, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        if (!await request.Service<WebhookClient>().ValidateAsync(url, token, cancellationToken))
        {
            throw VendorError.BadRequest($"The subscription was not registered: '{url}' did not answer the validation request with 200 and the validationToken.");
        }
    }
}
