using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Shoppers;

/// <summary>One erasure outcome, as reported at <c>GET /engine/shoppers/erasures</c>.</summary>
public sealed record ErasureRecord(string CustomerNumber, Guid CustomerId, string Outcome, DateOnly On, DateOnly? RetainedUntil, string Reason);

/// <summary>
/// What the engine remembers about shoppers, in the id map (no table of its own, so nothing to migrate): the link
/// ERP card → storefront customer with the day it was made, the erasure outcome per card, the storefront customers
/// that asked to be forgotten (by id only), each year's purge, and the data-request reports until they expire.
/// </summary>
public static class ShopperRecords
{
    public const string System = "shoppers";
    public const string LinkKind = "shopper";
    public const string ErasureKind = "erasure";
    public const string ForgottenKind = "forgotten";
    public const string PurgeKind = "purge";
    public const string DataRequestKind = "data-request";
    public const string Erased = "erased";
    public const string Restricted = "restricted";

    public static IdMapping Link(BcCustomerCard card, string storefrontId, DateOnly since) =>
        new() { System = System, Kind = LinkKind, Key = card.Id.ToString("D"), TargetId = storefrontId, Extra = Day(since) };

    /// <summary>The e-mail → ERP customer reference the orders process also keeps (same key: the e-mail, case-folded).</summary>
    public static IdMapping EmailReference(string email, BcCustomerCard card) =>
        new() { System = ErpItemReferences.System, Kind = Orders.OrderToErpProcess.CustomerKind, Key = ShopperEmail.Normalise(email), TargetId = card.Id.ToString("D"), Extra = card.Number };

    public static IdMapping Erasure(ErasureRecord record) => new()
    {
        System = System,
        Kind = ErasureKind,
        Key = record.CustomerNumber,
        TargetId = record.Outcome,
        Extra = string.Join('|', record.CustomerId.ToString("D"), Day(record.On), record.RetainedUntil is { } until ? Day(until) : string.Empty, record.Reason),
    };

    public static ErasureRecord ReadErasure(IdMapping row)
    {
        var parts = (row.Extra ?? string.Empty).Split('|', 4);
        return new ErasureRecord(
            row.Key, Guid.Parse(parts[0]), row.TargetId, ParseDay(parts[1])!.Value, ParseDay(parts[2]), parts.Length > 3 ? parts[3] : string.Empty);
    }

    public static IdMapping Forgotten(string storefrontId, string outcome) =>
        new() { System = System, Kind = ForgottenKind, Key = storefrontId, TargetId = outcome };

    public static Task<bool> IsForgottenAsync(EngineDb db, string storefrontId, CancellationToken ct) =>
        db.IdMappings.AsNoTracking().AnyAsync(m => m.System == System && m.Kind == ForgottenKind && m.Key == storefrontId, ct);

    public static async Task<ErasureRecord?> ErasureAsync(EngineDb db, string customerNumber, CancellationToken ct) =>
        await db.IdMappings.AsNoTracking().FirstOrDefaultAsync(m => m.System == System && m.Kind == ErasureKind && m.Key == customerNumber, ct) is { } row
            ? ReadErasure(row)
            : null;

    public static async Task<IReadOnlyList<ErasureRecord>> ErasuresAsync(EngineDb db, CancellationToken ct) =>
        (await db.IdMappings.AsNoTracking().Where(m => m.System == System && m.Kind == ErasureKind).ToListAsync(ct))
            .Select(ReadErasure).OrderBy(r => r.On).ThenBy(r => r.CustomerNumber, StringComparer.Ordinal).ToList();

    /// <summary>An erased or restricted card is no longer a shopper: the e-mail reference and the link go (the e-mail is personal data).</summary>
    public static async Task ForgetLinksAsync(EngineDb db, Guid customerId, CancellationToken ct)
    {
        var id = customerId.ToString("D");
        await db.IdMappings.Where(m => (m.System == System && m.Kind == LinkKind && m.Key == id)
            || (m.System == ErpItemReferences.System && m.Kind == Orders.OrderToErpProcess.CustomerKind && m.TargetId == id)).ExecuteDeleteAsync(ct);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDay(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
