using SyncLab.Bench.Report;

namespace SyncLab.Bench.Tests;

public sealed class MarkdownReportTests
{
    [Theory]
    [InlineData(50, 100, "0.50×")]
    [InlineData(130, 100, "1.30×")]
    [InlineData(4.7, 10_000, "0.00047×")]
    [InlineData(5, 100, "0.050×")]
    [InlineData(227_375, 100, "2,274×")]
    [InlineData(1, 0, "–")]
    public void ratios_keep_two_significant_digits_however_small(double value, double baseline, string expected) =>
        Assert.Equal(expected, MarkdownReport.Ratio(value, baseline));
}
