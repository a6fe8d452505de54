namespace SyncLab.Specs.Drivers;

/// <summary>The ERP office's period-end work, as the accountant would do it (the ERP mirror's business actions).</summary>
public sealed class ErpOfficeDriver(StagingConnection staging)
{
    private bool _upgraded;

    /// <summary>Closes every period before <paramref name="date"/> (BC's "Allow Posting From").</summary>
    public Task ClosePostingBeforeAsync(string date) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Erp, "_synclab/erp/posting-period"), new { allowPostingFrom = date, allowPostingTo = (string?)null });

    /// <summary>Allows posting from <paramref name="from"/> to <paramref name="to"/> only (BC's "Allow Posting From/To").</summary>
    public Task OpenPostingAsync(string from, string to) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Erp, "_synclab/erp/posting-period"), new { allowPostingFrom = from, allowPostingTo = to });

    /// <summary>Adds the line a number series numbers from on <paramref name="startingDate"/> (the year-end restart).</summary>
    public Task RestartNumberSeriesAsync(string code, string startingDate, string startingNumber) =>
        staging.Http.SendOkAsync(
            HttpMethod.Put,
            new Uri(staging.Erp, $"_synclab/erp/number-series/{Uri.EscapeDataString(code)}/lines/{startingDate}"),
            new { startingNumber });

    /// <summary>IT upgrades the ERP: from now on the API page <paramref name="entitySet"/> answers <paramref name="field"/> under <paramref name="newName"/>.</summary>
    public async Task UpgradeAsync(string entitySet, string field, string newName)
    {
        await staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Erp, "_synclab/erp/api-upgrade"),
            new { entitySet, renames = new Dictionary<string, string> { [field] = newName } });
        _upgraded = true;
    }

    /// <summary>IT rolls the upgrade back: the API pages answer their published shape again.</summary>
    public async Task RollBackUpgradeAsync()
    {
        await staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(staging.Erp, "_synclab/erp/api-upgrade"));
        _upgraded = false;
    }

    /// <summary>A shared staging outlives the scenario: an upgrade it made is rolled back.</summary>
    public Task RollBackIfUpgradedAsync() => _upgraded ? RollBackUpgradeAsync() : Task.CompletedTask;
}
