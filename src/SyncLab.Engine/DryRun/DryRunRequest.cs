using System.Globalization;
using SyncLab.Engine.Prices;

namespace SyncLab.Engine.DryRun;

/// <summary>A dry run as asked for: the processes, how many records at most, and the instant the prices are planned for.</summary>
public sealed record DryRunRequest(IReadOnlyList<string> Processes, int Limit, DateTimeOffset At)
{
    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    /// <summary>
    /// Reads the query's <c>process</c>, <c>limit</c> (1..1000, default 100) and <c>at</c> (an ISO-8601 instant with its
    /// offset, not before <paramref name="now"/>; default now; only for prices). Each bad field is named in the errors.
    /// </summary>
    public static (DryRunRequest? Request, Dictionary<string, string[]> Errors) Read(string? process, string? limit, string? at, DateTimeOffset now, bool hasWarehouse)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        IReadOnlyList<string> processes = process is null ? DryRunPlanner.Processes : [process];
        if (process is not null && !DryRunPlanner.Known.Contains(process, StringComparer.Ordinal))
        {
            errors["process"] = [$"'{process}' is not one of: {string.Join(", ", DryRunPlanner.Known)}."];
        }
        else if (process == Fulfilment.ShipmentToStoreProcess.ProcessName && !hasWarehouse)
        {
            errors["process"] = ["'shipments' reads the warehouse, and no warehouse is configured."];
        }
        var take = 100;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > 1000))
        {
            errors["limit"] = [$"'{limit}' is not a whole number from 1 to 1000."];
        }
        var instant = now;
        if (at is not null)
        {
            // An unescaped '+' of an offset arrives as a space in a query string.
            var text = at.Trim().Replace(' ', '+');
            if (!DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
            {
                errors["at"] = [$"'{at}' is not an ISO-8601 instant with its offset, e.g. 2027-01-01T00:00:00+01:00."];
            }
            else if (instant < now)
            {
                errors["at"] = [string.Create(CultureInfo.InvariantCulture, $"{instant:O} is in the past (now is {now:O} on the business clock): a dry run plans what is ahead.")];
            }
            else if (!processes.Contains(PriceProcess.ProcessName))
            {
                errors["at"] = ["only the prices dry run plans for an instant ahead: ask for process=prices."];
            }
        }
        return errors.Count > 0 ? (null, errors) : (new DryRunRequest(processes, take, instant), errors);
    }
}
