using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Vendor;
using SyncLab.Mirrors.Erp.WebItems;

namespace SyncLab.Mirrors.Erp.Office;

/// <summary>What an ERP upgrade changes on one API page: old field name → new field name.</summary>
public sealed record ApiPageUpgrade(string? EntitySet, IReadOnlyDictionary<string, string>? Renames);

/// <summary>
/// <c>PUT /_synclab/erp/api-upgrade</c> (IT upgrades the ERP: an API page answers renamed fields from now on),
/// <c>GET</c> (what is upgraded) and <c>DELETE</c> (rolled back to the published pages).
/// </summary>
internal static class UpgradeApi
{
    /// <summary>The pages an upgrade can change, with their published fields.</summary>
    private static readonly Dictionary<string, HashSet<string>> Pages = new(StringComparer.Ordinal)
    {
        [ItemShape.Page.EntitySet] = ItemShape.Page.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
        [WebItemsPage.Shape.EntitySet] = WebItemsPage.Shape.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal),
    };

    public static void Map(RouteGroupBuilder office)
    {
        office.MapGet("/api-upgrade", (ApiUpgrade upgrade) => TypedResults.Ok(upgrade.Renames));
        office.MapPut("/api-upgrade", Upgrade);
        office.MapDelete("/api-upgrade", (ApiUpgrade upgrade, MirrorLedger ledger) =>
        {
            upgrade.Reset();
            ledger.RecordEffect("erp: API pages rolled back to the published shape", "api-upgrade");
            return TypedResults.NoContent();
        });
    }

    private static Results<Ok<ApiPageUpgrade>, ProblemHttpResult> Upgrade(ApiPageUpgrade body, ApiUpgrade upgrade, MirrorLedger ledger)
    {
        if (body.EntitySet is not { } set || !Pages.TryGetValue(set, out var fields))
        {
            return Invalid($"entitySet is one of: {string.Join(", ", Pages.Keys)}.");
        }
        if (body.Renames is not { Count: > 0 } renames)
        {
            return Invalid("renames maps at least one field to its new name, e.g. {\"unitPrice\": \"salesUnitPrice\"}.");
        }
        if (renames.Keys.FirstOrDefault(f => !fields.Contains(f)) is { } unknown)
        {
            return Invalid($"'{unknown}' is not a field of {set}.");
        }
        var kept = fields.Except(renames.Keys, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (renames.Values.Any(n => string.IsNullOrWhiteSpace(n) || kept.Contains(n)) || renames.Values.Distinct(StringComparer.Ordinal).Count() != renames.Count)
        {
            return Invalid($"the new names must be distinct, not blank, and not name another field of {set}.");
        }
        upgrade.Set(set, new Dictionary<string, string>(renames, StringComparer.Ordinal));
        ledger.RecordEffect($"erp: upgraded; {set} now answers {string.Join(", ", renames.Select(r => $"{r.Key} as {r.Value}"))}", "api-upgrade");
        return TypedResults.Ok(body);
    }

    private static ProblemHttpResult Invalid(string detail) => OfficeApi.Invalid("erp-invalid-upgrade", "Invalid API upgrade", detail);
}
