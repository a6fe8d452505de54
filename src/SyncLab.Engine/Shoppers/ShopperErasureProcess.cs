using System.Text.Json;
using System.Text.Json.Serialization;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Storage;
using Microsoft.EntityFrameworkCore;

namespace SyncLab.Engine.Shoppers;

/// <summary>A <c>customers/redact</c> request as queued: who, and which orders the shop redacts.</summary>
public sealed record ErasureRequest(
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("ordersToRedact")] IReadOnlyList<long> OrdersToRedact);

/// <summary>
/// A shopper's erasure request (<c>customers/redact</c>) → every ERP card of that e-mail (and the card linked to the
/// storefront customer) anonymised as far as retention allows (<see cref="RetentionPlan.OnErasureRequest"/>): erased
/// when no posted invoice is inside the bookkeeping period, else restricted — name and address kept for the books
/// until the period ends, when the yearly purge erases it. The outcome per card is recorded and reported
/// (<c>GET /engine/shoppers/erasures</c>); the storefront customer is remembered by id only, so nothing of them flows again.
/// What the engine's own store holds of the shopper is handed to <see cref="ShopperScrubProcess"/> in the same transaction.
/// </summary>
public sealed class ShopperErasureProcess(BusinessCentralClient erp, IDbContextFactory<EngineDb> dbs, ShopperLocks locks, TimeProvider clock, EngineOptions options) : IProcess
{
    public const string ProcessName = "shoppers.erasure";

    public string Name => ProcessName;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize<ErasureRequest>(item.Payload)!;
        var email = ShopperEmail.Normalise(request.Email);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.MerchantZone()).DateTime);
        await using var db = await dbs.CreateDbContextAsync(ct);
        using (await locks.EnterAsync(email, ct))
        {
            var cards = email.Length == 0 ? [] : (await erp.CustomerCardsLikeEmailAsync(email, ct)).Where(c => ShopperEmail.Same(c.Email, email)).ToList();
            var linked = await db.IdMappings.AsNoTracking()
                .Where(m => m.System == ShopperRecords.System && m.Kind == ShopperRecords.LinkKind && m.TargetId == request.CustomerId).Select(m => m.Key).ToListAsync(ct);
            foreach (var id in linked.Select(Guid.Parse).Where(id => cards.All(c => c.Id != id)))
            {
                if (await erp.CustomerCardAsync(id, ct) is { } card)
                {
                    cards.Add(card);
                }
            }
            var records = new List<ErasureRecord>();
            var anonymiser = new ShopperAnonymiser(erp, options.Shoppers);
            foreach (var card in cards.OrderBy(c => c.Number, StringComparer.Ordinal))
            {
                var decision = RetentionPlan.OnErasureRequest(await erp.LastInvoiceDateAsync(card.Id, ct), today, options.Shoppers);
                await anonymiser.ApplyAsync(card, decision.Verdict, ct);
                await ShopperRecords.ForgetLinksAsync(db, card.Id, ct);
                records.Add(new ErasureRecord(
                    card.Number, card.Id, decision.Verdict == RetentionVerdict.Erase ? ShopperRecords.Erased : ShopperRecords.Restricted, today, decision.RetainUntil,
                    $"erasure request: {decision.Reason}"));
            }
            var shoppers = (await db.WorkItems.AsNoTracking()
                    .Where(w => w.Process == ShopperToErpProcess.ProcessName && w.Key == request.CustomerId).Select(w => w.Payload).ToListAsync(ct))
                .Select(p => JsonSerializer.Deserialize<Connectors.Shopify.ShopifyCustomer>(p)!);
            var traces = ShopperTraces.Gather(request.CustomerId, email, cards, shoppers, records.Any(r => r.Outcome == ShopperRecords.Restricted));
            var summary = records.Count == 0
                ? "no ERP customer"
                : string.Join("; ", records.Select(r => $"{r.CustomerNumber} {r.Outcome}{(r.RetainedUntil is { } until ? $" until {ShopperRecords.Day(until)}" : string.Empty)}"));
            return ProcessOutcome.Changed(
                $"erasure of shopper {request.CustomerId}: {summary}",
                [.. records.Select(ShopperRecords.Erasure), ShopperRecords.Forgotten(request.CustomerId, summary)])
                with { FollowUps = [ShopperScrubProcess.Change(request.CustomerId, traces, item.Version)] };
        }
    }
}
