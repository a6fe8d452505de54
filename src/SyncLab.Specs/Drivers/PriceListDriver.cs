namespace SyncLab.Specs.Drivers;

/// <summary>The office's effective-dated price lists in the ERP, and the ERP's planned downtime.</summary>
public sealed class PriceListDriver(StagingConnection staging)
{
    private readonly List<string> _faults = [];

    /// <summary>Publishes a one-item price list; on a shared staging the code is made this run's own.</summary>
    public Task PublishAsync(string code, DateOnly starting, DateOnly? ending, string timeZone, string number, decimal price, decimal? compareAt) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Erp, "_synclab/erp/price-lists"), new
        {
            code = CodeOf(code),
            description = $"Scenario price list {code}",
            startingDate = starting,
            endingDate = ending,
            timeZone,
            lines = new[] { new { number, unitPrice = price, compareAtPrice = compareAt } },
        });

    /// <summary>The code a scenario's price list has in the ERP: on a shared staging, made this run's own.</summary>
    public string CodeOf(string code) => staging.IsShared ? $"{code}-{staging.RunToken}" : code;

    /// <summary>The ERP answers every API call 503 with Retry-After from <paramref name="from"/> until <paramref name="until"/> (business time).</summary>
    public async Task MaintenanceAsync(DateTimeOffset from, DateTimeOffset until)
    {
        var id = $"maintenance-{staging.RunToken}";
        await staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Erp, "_synclab/faults"), new { id, kind = "maintenance", from, until });
        _faults.Add(id);
    }

    /// <summary>Takes back the downtime this scenario set (a shared staging outlives the scenario).</summary>
    public async Task RemoveFaultsAsync()
    {
        foreach (var id in _faults)
        {
            await staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(staging.Erp, $"_synclab/faults/{Uri.EscapeDataString(id)}"));
        }
        _faults.Clear();
    }

    /// <summary>The item card's unit price, as the office sees it (its admin view works while the API is down).</summary>
    public async Task<decimal> ItemCardPriceAsync(string number)
    {
        var card = await staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Erp, $"_synclab/erp/items/{Uri.EscapeDataString(number)}"));
        return decimal.Parse(card!["unitPrice"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
