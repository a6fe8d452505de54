using SyncLab.Mirrors.Erp.Storage;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class NumberSeriesTests
{
    [Theory]
    [InlineData("C10019", "C10020")]
    [InlineData("S-ORD101001", "S-ORD101002")]
    [InlineData("1009", "1010")]
    [InlineData("INV0099-X", "INV0100-X")]
    [InlineData("A9", "A10")]
    public void the_next_number_increments_the_rightmost_digits_keeping_their_width(string last, string next)
    {
        Assert.Equal(next, NumberSeries.Increment(last));
    }
}
