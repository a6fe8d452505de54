using System.Linq.Expressions;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Storage;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>The $filter parser and binder alone: pure, no host.</summary>
public sealed class FilterParserTests
{
    private static readonly ItemRecord[] Items =
    [
        new() { Seq = 1, Number = "SKU-000001", DisplayName = "O'Brien Mug", UnitPrice = 10m, Blocked = false, LastModifiedDateTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) },
        new() { Seq = 2, Number = "sku-000002", DisplayName = "Blk Ctn Socks", UnitPrice = 20m, Blocked = true, LastModifiedDateTime = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero) },
        new() { Seq = 3, Number = "SKU-000003  ", DisplayName = "Oak Lamp", UnitPrice = 30m, Blocked = false, LastModifiedDateTime = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero) },
    ];

    [Theory]
    [InlineData("number eq 'SKU-000003  '", new[] { 3 })]
    [InlineData("displayName eq 'O''Brien Mug'", new[] { 1 })]
    [InlineData("unitPrice gt 10 and unitPrice lt 30 or number eq 'SKU-000001'", new[] { 1, 2 })]
    [InlineData("unitPrice gt 10 and (unitPrice lt 30 or number eq 'SKU-000001')", new[] { 2 })]
    [InlineData("not blocked", new[] { 1, 3 })]
    [InlineData("blocked eq true", new[] { 2 })]
    [InlineData("lastModifiedDateTime gt 2026-06-01T00:00:00Z", new[] { 3 })]
    [InlineData("lastModifiedDateTime ge 2026-06-01T00:00:00.000Z", new[] { 2, 3 })]
    [InlineData("2026-06-01T00:00:00Z lt lastModifiedDateTime", new[] { 3 })]
    [InlineData("startswith(number,'SKU')", new[] { 1, 3 })]
    [InlineData("contains(displayName,'Lamp')", new[] { 3 })]
    [InlineData("unitPrice ge 20.00", new[] { 2, 3 })]
    public void filters_select_the_items_the_vendor_would(string filter, int[] expected)
    {
        var predicate = FilterBinder.Bind(FilterParser.Parse(filter), ItemShape.Page).Compile();

        Assert.Equal(expected, Items.Where(predicate).Select(i => (int)i.Seq));
    }

    [Fact]
    public void a_guid_literal_compares_with_a_guid_field()
    {
        var id = Guid.Parse("fca5738a-44e3-ea11-bb43-000d3a2feca1");
        var item = new ItemRecord { Id = id };

        Expression<Func<ItemRecord, bool>> predicate = FilterBinder.Bind(FilterParser.Parse($"id eq {id}"), ItemShape.Page);

        Assert.True(predicate.Compile()(item));
    }
}
