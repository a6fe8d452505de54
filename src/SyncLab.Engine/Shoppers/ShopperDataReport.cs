using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>
/// Everything the engine's store holds on one shopper, for a <c>customers/data_request</c>: the ERP customers linked to
/// them (number, since when), the last marketing consent carried to the ERP, the cross-references naming them, every
/// work item whose payload mentions their e-mail or is their storefront record (with the payload itself), the data
/// errors and held changes on those records, and erasure outcomes of their cards. The ERP's and the shop's own records
/// are theirs to report; this is what the app holds.
/// </summary>
public sealed record ShopperDataReport(
    string RequestId,
    string StorefrontCustomerId,
    string? Email,
    IReadOnlyList<long> OrdersRequested,
    DateTimeOffset RequestedAt,
    DateTimeOffset CompiledAt,
    DateTimeOffset AvailableUntil,
    IReadOnlyList<ShopperDataReport.ErpCustomer> ErpCustomers,
    ShopperDataReport.Consent? MarketingConsent,
    IReadOnlyList<ShopperDataReport.Reference> References,
    IReadOnlyList<ShopperDataReport.Work> WorkItems,
    IReadOnlyList<ShopperDataReport.Error> DataErrors,
    IReadOnlyList<ShopperDataReport.Held> HeldChanges,
    IReadOnlyList<ErasureRecord> Erasures)
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    public sealed record ErpCustomer(string Number, string Id, string? LinkedSince);

    public sealed record Consent(string MarketingState, bool ConsentInErp, string AsOfVersion);

    public sealed record Reference(string System, string Kind, string Key, string TargetId, string? Extra);

    public sealed record Work(string Process, string Key, string Version, string State, DateTimeOffset CapturedAt, string? LastError, JsonNode? Payload);

    public sealed record Error(string Process, string Key, string Version, string Message, DateTimeOffset At);

    public sealed record Held(string Process, string Key, string Reason, DateTimeOffset Since);

    public static async Task<ShopperDataReport> CompileAsync(EngineDb db, DataRequest request, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        var email = ShopperEmail.Normalise(request.Email);
        var storefrontId = request.CustomerId;
        var terms = email.Length == 0 ? [] : new[] { email, JsonEncodedText.Encode(email).Value.ToLowerInvariant() }.Distinct(StringComparer.Ordinal).ToList();
        var links = await db.IdMappings.AsNoTracking()
            .Where(m => (m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind && m.TargetId == storefrontId)
                || (m.System == ErpItemReferences.System && m.Kind == Orders.OrderToErpProcess.CustomerKind && m.Key == email))
            .ToListAsync(ct);
        var cardIds = links.Select(l => l.Kind == ShopperRecords.LinkKind ? l.Key : l.TargetId).Distinct(StringComparer.Ordinal).ToList();
        var references = await db.IdMappings.AsNoTracking()
            .Where(m => m.Kind != ShopperRecords.DataRequestKind
                && (m.Key == email || m.Key == storefrontId || m.TargetId == storefrontId || cardIds.Contains(m.Key) || cardIds.Contains(m.TargetId)))
            .ToListAsync(ct);
        var work = await db.WorkItems.AsNoTracking().Where(w => w.Key == storefrontId && w.Process != ShopperDataRequestProcess.ProcessName).ToListAsync(ct);
        // Translated by EF on every provider: ToLower() + Contains is lower(x) LIKE '%term%'.
#pragma warning disable CA1304, CA1311, CA1862
        foreach (var term in terms)
        {
            references.AddRange(await db.IdMappings.AsNoTracking()
                .Where(m => m.Kind != ShopperRecords.DataRequestKind && m.Extra != null && m.Extra.ToLower().Contains(term)).ToListAsync(ct));
            work.AddRange(await db.WorkItems.AsNoTracking()
                .Where(w => w.Process != ShopperDataRequestProcess.ProcessName && w.Payload.ToLower().Contains(term)).ToListAsync(ct));
        }
#pragma warning restore CA1304, CA1311, CA1862
        work = work.DistinctBy(w => w.Id).OrderBy(w => w.CapturedAtTicks).ThenBy(w => w.Id).ToList();
        var numbers = links.Where(l => l.Kind != ShopperRecords.LinkKind).Select(l => l.Extra).OfType<string>().ToList();
        var erpWork = await db.WorkItems.AsNoTracking().Where(w => w.Process == ShopperFromErpProcess.ProcessName && numbers.Contains(w.Key)).ToListAsync(ct);
        work = [.. work, .. erpWork.Where(e => work.All(w => w.Id != e.Id))];
        var keys = work.Select(w => w.Key).Distinct(StringComparer.Ordinal).ToList();
        var errors = await db.DataErrors.AsNoTracking().Where(e => keys.Contains(e.Key)).ToListAsync(ct);
        var held = await db.HeldChanges.AsNoTracking().Where(h => keys.Contains(h.Key)).ToListAsync(ct);
        var erasures = (await ShopperRecords.ErasuresAsync(db, ct)).Where(e => cardIds.Contains(e.CustomerId.ToString("D"))).ToList();

        var erpCustomers = cardIds.Select(id =>
        {
            var link = links.FirstOrDefault(l => l.Kind == ShopperRecords.LinkKind && l.Key == id);
            var number = links.FirstOrDefault(l => l.Kind != ShopperRecords.LinkKind && l.TargetId == id)?.Extra
                ?? references.FirstOrDefault(r => r.System == ErpItemReferences.System && r.TargetId == id)?.Extra ?? string.Empty;
            return new ErpCustomer(number, id, link?.Extra);
        }).ToList();
        var lastShopper = work.Where(w => w.Process == ShopperToErpProcess.ProcessName && w.State == WorkState.Done).MaxBy(w => w.Version);
        var consent = lastShopper is null ? null : JsonSerializer.Deserialize<ShopifyCustomer>(lastShopper.Payload) is { } shopper
            ? new Consent(shopper.MarketingState, ShopperPlan.Consents(shopper.MarketingState), lastShopper.Version)
            : null;
        return new ShopperDataReport(
            request.RequestId, storefrontId, request.Email, request.OrdersRequested, request.RequestedAt, now, until, erpCustomers, consent,
            references.DistinctBy(r => (r.System, r.Kind, r.Key)).Select(r => new Reference(r.System, r.Kind, r.Key, r.TargetId, r.Extra)).ToList(),
            work.Select(w => new Work(w.Process, w.Key, w.Version, w.State.ToString(), new DateTimeOffset(w.CapturedAtTicks, TimeSpan.Zero), w.LastError, Parse(w.Payload))).ToList(),
            errors.Select(e => new Error(e.Process, e.Key, e.Version, e.Message, new DateTimeOffset(e.AtTicks, TimeSpan.Zero))).ToList(),
            held.Select(h => new Held(h.Process, h.Key, h.Reason, new DateTimeOffset(h.SinceTicks, TimeSpan.Zero))).ToList(),
            erasures);
    }

    private static JsonNode? Parse(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}
