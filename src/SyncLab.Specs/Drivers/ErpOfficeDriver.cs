namespace SyncLab.Specs.Drivers;

/// <summary>The ERP office's period-end work, as the accountant would do it (the ERP mirror's business actions).</summary>
public sealed class ErpOfficeDriver(StagingConnection staging)
{
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
}
