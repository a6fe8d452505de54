using SyncLab.Mirrors.Pos.Store;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class SquareIdsTests
{
    [Fact]
    public void ids_are_the_same_on_every_run_and_look_like_squares()
    {
        Assert.Equal(SquareIds.Variation("SKU-000001"), SquareIds.Variation("SKU-000001"));
        Assert.Matches("^[A-Z2-7]{24}$", SquareIds.Variation("SKU-000001"));
        Assert.Matches("^L[A-Z2-7]{12}$", SquareIds.Location("ST01"));
    }

    [Fact]
    public void fifty_thousand_skus_get_distinct_item_and_variation_ids()
    {
        var skus = Enumerable.Range(1, 50_000).Select(i => $"SKU-{i:000000}").ToList();

        var ids = skus.Select(SquareIds.Item).Concat(skus.Select(SquareIds.Variation)).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
