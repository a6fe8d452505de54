namespace SyncLab.Specs.Drivers;

/// <summary>The ERP office's period-end work, as the accountant would do it (the ERP mirror's business actions).</summary>
public sealed class ErpOfficeDriver(StagingConnection staging)
{
    /// <summary>Closes every period before <paramref name="date"/> (BC's "Allow Posting From").</summary>
    public Task ClosePostingBeforeAsync(string date) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Erp, "_synclab/erp/posting-period"), new { allowPostingFrom = date, allowPostingTo = (string?)null });
}
