using System.Globalization;

namespace SyncLab.Specs.Drivers;

/// <summary>The one business clock every mirror and the engine share, driven through a mirror's admin API.</summary>
public sealed class ClockDriver(StagingConnection staging)
{
    public Task AdvanceAsync(TimeSpan by) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Erp, "_synclab/clock"), new { advance = by.ToString("c", CultureInfo.InvariantCulture) });

    public Task SetAsync(DateTimeOffset to) =>
        staging.Http.SendOkAsync(HttpMethod.Post, new Uri(staging.Erp, "_synclab/clock"), new { set = to });
}
