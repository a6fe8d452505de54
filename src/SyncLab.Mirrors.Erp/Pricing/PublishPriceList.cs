using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Office;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Pricing;

public sealed record NewPriceListLine(string? Number, decimal UnitPrice, decimal? CompareAtPrice);

/// <summary>A sales price list the office prepares ahead, e.g. next year's prices from 1 January.</summary>
public sealed record NewPriceList(
    string? Code, string? Description, string? CurrencyCode, DateOnly? StartingDate, DateOnly? EndingDate, string? TimeZone, IReadOnlyList<NewPriceListLine>? Lines);

public sealed record PriceListPublished(Guid Id, string Code, DateOnly StartingDate, DateOnly? EndingDate, string TimeZone, int Lines);

/// <summary><c>POST /_synclab/erp/price-lists</c>: the office publishes an effective-dated price list.</summary>
internal static class PublishPriceList
{
    public static void Map(RouteGroupBuilder office) => office.MapPost("/price-lists", HandleAsync);

    private static async Task<Results<Created<PriceListPublished>, ProblemHttpResult>> HandleAsync(
        NewPriceList body, ErpDb db, ErpWriteGate gate, ErpCompany company, TimeProvider clock, MirrorLedger ledger, CancellationToken cancellationToken)
    {
        var code = body.Code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || body.StartingDate is not { } starts || body.Lines is not { Count: > 0 } lines)
        {
            return OfficeApi.Invalid("erp-invalid-price-list", "Invalid price list", "code, startingDate and at least one line are required.");
        }
        if (body.EndingDate < starts)
        {
            return OfficeApi.Invalid("erp-invalid-price-list", "Invalid price list", "endingDate must not be before startingDate.");
        }
        var zone = string.IsNullOrWhiteSpace(body.TimeZone) ? company.TimeZone : body.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return OfficeApi.Invalid("erp-invalid-price-list", "Invalid price list", $"'{zone}' is not a known time zone.");
        }

        using var lease = await gate.EnterAsync(db, cancellationToken);
        if (await db.PriceLists.AnyAsync(p => p.Code == code, cancellationToken))
        {
            return OfficeApi.Refused(new Rules.BusinessRuleException("erp-duplicate-price-list", "Internal_EntityWithSameKeyExists", $"Price list {code} already exists."));
        }
        var keys = lines.Select(l => ItemWriter.NumberKey(l.Number ?? string.Empty)).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
        {
            return OfficeApi.Invalid("erp-invalid-price-list", "Invalid price list", "each item may appear once per price list.");
        }
        var items = await db.Items.AsNoTracking().Where(i => keys.Contains(i.NumberKey)).ToDictionaryAsync(i => i.NumberKey, cancellationToken);
        if (keys.FirstOrDefault(k => !items.ContainsKey(k)) is { } missing)
        {
            return OfficeApi.UnknownItem(missing);
        }

        var now = ErpTime.Now(clock);
        var currency = string.IsNullOrWhiteSpace(body.CurrencyCode) ? company.Currency : body.CurrencyCode;
        var list = new PriceListRecord
        {
            Id = StableIds.For(company.Seed, "priceList", code),
            Seq = await lease.NextSeqAsync<PriceListRecord>(cancellationToken),
            Code = code,
            Description = body.Description ?? code,
            CurrencyCode = currency,
            StartingDate = starts,
            EndingDate = body.EndingDate ?? DateOnly.MinValue,
            TimeZone = zone,
            LastModifiedDateTime = now,
        };
        db.PriceLists.Add(list);
        foreach (var (line, key) in lines.Zip(keys))
        {
            db.PriceListLines.Add(new PriceListLineRecord
            {
                Id = StableIds.For(company.Seed, "priceListLine", $"{code}|{key}"),
                Seq = await lease.NextSeqAsync<PriceListLineRecord>(cancellationToken),
                PriceListId = list.Id,
                PriceListCode = code,
                ItemId = items[key].Id,
                ItemNumber = items[key].Number,
                UnitPrice = line.UnitPrice,
                CompareAtPrice = line.CompareAtPrice ?? 0m,
                StartingDate = list.StartingDate,
                EndingDate = list.EndingDate,
                CurrencyCode = currency,
                LastModifiedDateTime = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        ledger.RecordEffect($"erp: price list {code} published, {lines.Count} line(s) from {starts:yyyy-MM-dd} in {zone}", $"priceLists({list.Id})");
        return TypedResults.Created($"/_synclab/erp/price-lists/{code}", new PriceListPublished(list.Id, code, starts, body.EndingDate, zone, lines.Count));
    }
}
