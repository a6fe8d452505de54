using System.Text.Json;
using SyncLab.Estate;

namespace SyncLab.Engine.Tests.Estate;

public sealed class EstateGeneratorTests
{
    [Fact]
    public void the_same_seed_gives_a_byte_identical_estate()
    {
        var a = JsonSerializer.Serialize(EstateGenerator.Generate(new EstateOptions { Seed = 11, Skus = 500 }));
        var b = JsonSerializer.Serialize(EstateGenerator.Generate(new EstateOptions { Seed = 11, Skus = 500 }));
        Assert.Equal(a, b);
    }

    [Fact]
    public void another_seed_gives_another_business()
    {
        var a = EstateGenerator.Generate(new EstateOptions { Seed = 11, Skus = 50 });
        var b = EstateGenerator.Generate(new EstateOptions { Seed = 12, Skus = 50 });
        Assert.NotEqual(a.Items.Select(i => i.Description), b.Items.Select(i => i.Description));
    }

    [Fact]
    public void the_legacy_quirks_are_seeded_at_their_rates()
    {
        var estate = EstateGenerator.Generate(new EstateOptions { Seed = 3, Skus = 5000 });
        var items = estate.Items;
        Assert.InRange(items.Count(i => i.Number != i.Sku), 150, 350);
        Assert.Contains(items, i => i.Number.EndsWith(' '));
        Assert.Contains(items, i => i.Number != i.Sku && string.Equals(i.Number, i.Sku, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(items.Count(i => i.BaseUnitOfMeasure != "PCS"), 1200, 1800);
        Assert.True(items.GroupBy(i => i.Gtin).Any(g => g.Count() > 1), "some GTINs are duplicated");
        Assert.Contains(estate.Stock, s => s.Quantity < 0);
        Assert.Contains(items, i => i.Blocked && i.WebEnabled);
    }

    [Fact]
    public void the_brand_lives_in_description_2_before_the_upgrade_and_in_its_own_field_after()
    {
        var options = new EstateOptions { Seed = 5, Skus = 400 };
        var estate = EstateGenerator.Generate(options);
        var upgrade = options.UpgradeDate;
        Assert.All(estate.Items, i =>
        {
            var before = DateOnly.FromDateTime(i.CreatedAt.UtcDateTime) < upgrade;
            Assert.Equal(before, i.Description2.Length > 0);
            Assert.Equal(before, i.Brand.Length == 0);
        });
        Assert.Contains(estate.Items, i => i.Brand.Length > 0);
        Assert.Contains(estate.Items, i => i.Description2.Length > 0);
    }

    [Fact]
    public void without_quirks_the_data_is_clean()
    {
        var estate = EstateGenerator.Generate(new EstateOptions { Seed = 9, Skus = 1000, Quirks = LegacyQuirks.None });
        Assert.All(estate.Items, i => Assert.Equal(i.Sku, i.Number));
        Assert.All(estate.Stock, s => Assert.True(s.Quantity >= 0));
        Assert.Equal(estate.Items.Count, estate.Items.Select(i => i.Gtin).Distinct().Count());
    }
}
