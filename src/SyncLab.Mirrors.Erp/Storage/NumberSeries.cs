using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>
/// One line of a number series ("No. Series Line"): from its starting date on, the series hands out numbers from
/// this line. A series the office restarts every fiscal year has a line per year (SO-2027-0001 from 2027-01-01).
/// The first line of every series starts at <see cref="DateOnly.MinValue"/> (blank in BC).
/// </summary>
internal sealed class NumberSeriesRecord
{
    public string Code { get; set; } = string.Empty;

    public DateOnly StartingDate { get; set; }

    public string Description { get; set; } = string.Empty;

    public string StartingNumber { get; set; } = string.Empty;

    /// <summary>Empty until the first number is taken.</summary>
    public string LastNumberUsed { get; set; } = string.Empty;

    public DateOnly LastDateUsed { get; set; }
}

/// <summary>
/// Every document and card number the mirror assigns comes from here, one series per kind, as the
/// company's "No. Series" setup would define them (CRONUS-style starting numbers). The posting or
/// document date picks the line, as BC's No. Series management does: the line with the latest starting
/// date on or before it, so a series the office restarts for a new fiscal year (a line per year) numbers
/// January's documents from the new line and a late December document still from the old one.
/// </summary>
internal static class NumberSeries
{
    public const string Customer = "CUST";
    public const string SalesOrder = "S-ORD";
    public const string SalesCreditMemo = "S-CR";
    public const string PostedSalesShipment = "S-SHPT";
    public const string PostedSalesInvoice = "S-INV+";
    public const string PostedSalesCreditMemo = "S-CR+";

    /// <summary>Code → (description, first number).</summary>
    private static readonly Dictionary<string, (string Description, string StartingNumber)> Setup = new(StringComparer.Ordinal)
    {
        [Customer] = ("Customer", "C10000"),
        [SalesOrder] = ("Sales Order", "S-ORD101001"),
        [SalesCreditMemo] = ("Sales Credit Memo", "1001"),
        [PostedSalesShipment] = ("Posted Sales Shipment", "102001"),
        [PostedSalesInvoice] = ("Posted Sales Invoice", "103001"),
        [PostedSalesCreditMemo] = ("Posted Sales Credit Memo", "104001"),
    };

    /// <summary>The series of a new company; the customer series continues after the estate's highest customer number.</summary>
    public static IEnumerable<NumberSeriesRecord> Initial(BusinessEstate estate) => Setup.Select(s => new NumberSeriesRecord
    {
        Code = s.Key,
        Description = s.Value.Description,
        StartingNumber = s.Value.StartingNumber,
        LastNumberUsed = s.Key == Customer
            ? estate.Customers.Select(c => c.Number.Trim().ToUpperInvariant()).Where(n => n.StartsWith('C')).DefaultIfEmpty(string.Empty).Max(StringComparer.Ordinal)!
            : string.Empty,
    });

    /// <summary>Takes the next number of <paramref name="code"/> on <paramref name="date"/>. Call it while holding the write gate.</summary>
    public static async Task<string> NextAsync(ErpDb db, string code, DateOnly date, CancellationToken cancellationToken)
    {
        var series = await db.NumberSeries.Where(s => s.Code == code && s.StartingDate <= date).OrderByDescending(s => s.StartingDate).FirstOrDefaultAsync(cancellationToken);
        if (series is null)
        {
            var (description, starting) = Setup[code];
            series = new NumberSeriesRecord { Code = code, Description = description, StartingNumber = starting };
            db.NumberSeries.Add(series);
        }
        series.LastNumberUsed = series.LastNumberUsed.Length == 0 ? series.StartingNumber : Increment(series.LastNumberUsed);
        series.LastDateUsed = date;
        return series.LastNumberUsed;
    }

    /// <summary>Also marks a number keyed by the caller as used, so the series does not hand it out later.</summary>
    public static async Task NoteUsedAsync(ErpDb db, string code, string number, CancellationToken cancellationToken)
    {
        var series = await db.NumberSeries.FirstOrDefaultAsync(s => s.Code == code && s.StartingDate == DateOnly.MinValue, cancellationToken);
        if (series is not null && SameShape(series.StartingNumber, number) && string.CompareOrdinal(number, series.LastNumberUsed) > 0)
        {
            series.LastNumberUsed = number;
        }
    }

    /// <summary>Whether <paramref name="code"/> is one of the company's series.</summary>
    public static bool Known(string code) => Setup.ContainsKey(code);

    /// <summary>Whether BC's IncStr can count on from <paramref name="number"/> (it needs a run of digits).</summary>
    public static bool Countable(string number) => number.Any(char.IsAsciiDigit);

    /// <summary>
    /// Adds the line a series numbers from on <paramref name="startingDate"/> (the office's year-end setup), or
    /// changes its starting number while nothing has been taken from it. False when the line is in use already.
    /// </summary>
    public static async Task<bool> SetLineAsync(ErpDb db, string code, DateOnly startingDate, string startingNumber, CancellationToken cancellationToken)
    {
        var line = await db.NumberSeries.FirstOrDefaultAsync(s => s.Code == code && s.StartingDate == startingDate, cancellationToken);
        if (line is null)
        {
            db.NumberSeries.Add(new NumberSeriesRecord { Code = code, StartingDate = startingDate, Description = Setup[code].Description, StartingNumber = startingNumber });
            return true;
        }
        if (line.LastNumberUsed.Length > 0)
        {
            return false;
        }
        line.StartingNumber = startingNumber;
        return true;
    }

    /// <summary>BC's IncStr: the rightmost run of digits goes up by one, keeping its width ("C10019" → "C10020").</summary>
    public static string Increment(string number)
    {
        var end = number.Length;
        while (end > 0 && !char.IsAsciiDigit(number[end - 1]))
        {
            end--;
        }
        var start = end;
        while (start > 0 && char.IsAsciiDigit(number[start - 1]))
        {
            start--;
        }
        if (start == end)
        {
            throw new InvalidOperationException($"The number '{number}' has no digits to increment.");
        }
        var digits = number[start..end];
        var next = (decimal.Parse(digits, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture).PadLeft(digits.Length, '0');
        return number[..start] + next + number[end..];
    }

    /// <summary>Same prefix and width: a number that could have come from this series.</summary>
    private static bool SameShape(string starting, string number) =>
        starting.Length == number.Length && starting.TrimEnd("0123456789".ToCharArray()) == number.TrimEnd("0123456789".ToCharArray());
}
