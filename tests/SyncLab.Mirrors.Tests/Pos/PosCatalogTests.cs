using System.Text.Json.Nodes;
using SyncLab.Estate;
using SyncLab.Mirrors.Pos.Store;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

public sealed class PosCatalogTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>
{
    [Fact]
    public async Task when_locations_are_listed_the_pos_knows_only_the_estates_stores()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/locations");

        Assert.Equal(200, reply.Status);
        var stores = mirror.Estate.Locations.Where(l => l.Kind == LocationKind.Store).ToList();
        var locations = reply.Json!["locations"]!.AsArray();
        Assert.Equal(stores.Select(s => SquareIds.Location(s.Code)), locations.Select(l => (string)l!["id"]!));
        Assert.Equal(stores.Select(s => s.Name), locations.Select(l => (string)l!["name"]!));
        Assert.All(locations, l => Assert.Equal("ACTIVE", (string)l!["status"]!));
        Assert.All(locations, l => Assert.Equal("USD", (string)l!["currency"]!));
    }

    [Fact]
    public async Task when_the_catalog_is_listed_every_sellable_item_has_one_variation_with_its_sku_and_price_in_cents()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM");

        Assert.Equal(200, reply.Status);
        var items = reply.Json!["objects"]!.AsArray();
        var sellable = mirror.Estate.Items.Where(i => !i.Blocked).ToList();
        Assert.Equal(sellable.Count, items.Count);
        Assert.Null(reply.Json["cursor"]);
        foreach (var (item, obj) in sellable.Zip(items))
        {
            Assert.Equal("ITEM", (string)obj!["type"]!);
            Assert.Equal(item.Description, (string)obj["item_data"]!["name"]!);
            var variation = Assert.Single(obj["item_data"]!["variations"]!.AsArray())!;
            Assert.Equal(item.Sku, (string)variation["item_variation_data"]!["sku"]!);
            Assert.Equal((long)(item.UnitPrice * 100), (long)variation["item_variation_data"]!["price_money"]!["amount"]!);
            Assert.Equal("USD", (string)variation["item_variation_data"]!["price_money"]!["currency"]!);
        }
    }

    [Fact]
    public async Task blocked_items_are_not_on_the_till()
    {
        var blocked = mirror.Estate.Items.Where(i => i.Blocked).Select(i => i.Sku).ToList();

        var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM_VARIATION");

        var skus = reply.Json!["objects"]!.AsArray().Select(o => (string)o!["item_variation_data"]!["sku"]!).ToList();
        Assert.NotEmpty(skus);
        Assert.DoesNotContain(skus, blocked.Contains);
    }

    [Fact]
    public async Task listing_items_and_variations_returns_each_item_followed_by_its_variation()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM,ITEM_VARIATION");

        var objects = reply.Json!["objects"]!.AsArray();
        Assert.Equal(2 * mirror.Estate.Items.Count(i => !i.Blocked), objects.Count);
        Assert.Equal("ITEM", (string)objects[0]!["type"]!);
        Assert.Equal("ITEM_VARIATION", (string)objects[1]!["type"]!);
        Assert.Equal((string)objects[0]!["id"]!, (string)objects[1]!["item_variation_data"]!["item_id"]!);
    }

    [Fact]
    public async Task when_a_sku_is_searched_exactly_its_variation_is_found_whatever_the_case()
    {
        var sku = mirror.Estate.Items.First(i => !i.Blocked).Sku;

        var reply = await mirror.Square.PostJsonAsync("/v2/catalog/search", new
        {
            object_types = new[] { "ITEM_VARIATION" },
            include_related_objects = true,
            query = new { exact_query = new { attribute_name = "sku", attribute_value = sku.ToLowerInvariant() } },
        });

        Assert.Equal(200, reply.Status);
        var found = Assert.Single(reply.Json!["objects"]!.AsArray())!;
        Assert.Equal(SquareIds.Variation(sku), (string)found["id"]!);
        var parent = Assert.Single(reply.Json["related_objects"]!.AsArray())!;
        Assert.Equal(SquareIds.Item(sku), (string)parent["id"]!);
    }

    [Fact]
    public async Task when_items_are_searched_by_text_the_matching_variation_is_reported()
    {
        var sku = mirror.Estate.Items.Last(i => !i.Blocked).Sku;

        var reply = await mirror.Square.PostJsonAsync("/v2/catalog/search-catalog-items", new { text_filter = sku });

        Assert.Equal(200, reply.Status);
        var item = Assert.Single(reply.Json!["items"]!.AsArray())!;
        Assert.Equal(SquareIds.Item(sku), (string)item["id"]!);
        Assert.Equal([SquareIds.Variation(sku)], reply.Json["matched_variation_ids"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task an_unknown_catalog_type_is_a_400_naming_the_field()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM,GADGET");

        Assert.Equal(400, reply.Status);
        var error = Assert.Single(reply.Json!["errors"]!.AsArray())!;
        Assert.Equal("INVALID_REQUEST_ERROR", (string)error["category"]!);
        Assert.Equal("INVALID_ENUM_VALUE", (string)error["code"]!);
        Assert.Equal("types", (string)error["field"]!);
    }

    [Fact]
    public async Task a_search_limit_above_squares_maximum_is_refused()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/catalog/search-catalog-items", new { limit = 101 });

        Assert.Equal(400, reply.Status);
        Assert.Equal("limit", (string)reply.Json!["errors"]![0]!["field"]!);
    }
}

public sealed class PosCatalogPagingTests(LargePosMirrorFixture mirror) : IClassFixture<LargePosMirrorFixture>
{
    [Fact]
    public async Task when_the_catalog_is_listed_it_comes_in_pages_of_100_until_the_cursor_runs_out()
    {
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(200, reply.Status);
            var objects = reply.Json!["objects"]!.AsArray();
            cursor = (string?)reply.Json["cursor"];
            Assert.True(objects.Count == 100 || cursor is null, "every page but the last holds 100 objects");
            seen.AddRange(objects.Select(o => (string)o!["id"]!));
            pages++;
        }
        while (cursor is not null && pages < 10);

        var sellable = mirror.Estate.Items.Where(i => !i.Blocked).Select(i => SquareIds.Item(i.Sku)).ToList();
        Assert.Equal(sellable, seen);
        Assert.Equal((sellable.Count + 99) / 100, pages);
    }

    [Fact]
    public async Task a_cursor_the_mirror_did_not_issue_is_a_400()
    {
        var reply = await mirror.Square.GetJsonAsync("/v2/catalog/list?cursor=not-a-cursor");

        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_CURSOR", (string)reply.Json!["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task counts_are_paged_by_limit_and_every_count_appears_once()
    {
        var seen = new List<string>();
        JsonNode? cursor = null;
        for (var page = 0; page < 20; page++)
        {
            var reply = await mirror.Square.PostJsonAsync("/v2/inventory/counts/batch-retrieve", new { limit = 200, cursor = (string?)cursor });
            Assert.Equal(200, reply.Status);
            seen.AddRange(reply.Json!["counts"]!.AsArray().Select(c => $"{c!["catalog_object_id"]}@{c["location_id"]}"));
            cursor = reply.Json["cursor"]?.DeepClone();
            if (cursor is null)
            {
                break;
            }
        }

        var expected = mirror.Estate.Items.Count(i => !i.Blocked) * mirror.Estate.Locations.Count(l => l.Kind == LocationKind.Store);
        Assert.Equal(expected, seen.Count);
        Assert.Equal(expected, seen.Distinct().Count());
    }
}
