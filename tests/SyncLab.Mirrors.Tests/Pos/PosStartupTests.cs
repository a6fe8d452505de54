using System.Diagnostics;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Pos;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

[Collection(StartupTiming.Name)]
public sealed class PosStartupTests
{
    [Fact]
    public async Task with_50_skus_the_pos_mirror_seeds_and_starts_well_under_a_second()
    {
        var estate = EstateGenerator.Generate(new EstateOptions { Seed = 7, Skus = 50 });
        await StartAndStopAsync(estate);

        var elapsed = await StartAndStopAsync(estate);

        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"started in {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>Build (which seeds) plus start. The first run in a process pays the JIT, so the test measures the second.</summary>
    private static async Task<TimeSpan> StartAndStopAsync(BusinessEstate estate)
    {
        using var clock = new BusinessClock(rate: 0);
        var watch = Stopwatch.StartNew();
        var app = PosMirror.Build(new MirrorHostOptions(), clock, estate);
        await app.StartAsync();
        var elapsed = watch.Elapsed;
        await app.StopAsync();
        await app.DisposeAsync();
        return elapsed;
    }
}
