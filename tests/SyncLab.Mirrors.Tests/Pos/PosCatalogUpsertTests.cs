using System.Text.Json.Nodes;
using SyncLab.Mirrors.Tests.Conformance;
using SyncLab.Mirrors.Tests.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary>
/// UpsertCatalogObject (<c>POST /v2/catalog/object</c>) as Square documents it: an ITEM with its ITEM_VARIATION created
/// from <c>#</c> ids, updated at its version, archived; idempotent by key; Square's errors for bad input.
/// </summary>
public sealed class PosCatalogUpsertTests(PosMirrorFixture mirror) : IClassFixture<PosMirrorFixture>, IAsyncLifetime
{
    private static readonly OpenApiShape Spec = OpenApiShape.Square;

    public Task InitializeAsync() => mirror.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static object NewItem(string sku, long cents, string currency = "USD", bool archived = false) => new
    {
        type = "ITEM",
        id = "#item",
        item_data = new
        {
            name = "Linen Apron",
            is_archived = archived,
            variations = new[]
            {
                new { type = "ITEM_VARIATION", id = "#variation", item_variation_data = new { name = "Regular", sku, pricing_type = "FIXED_PRICING", price_money = new { amount = cents, currency } } },
            },
        },
    };

    private static object Update(JsonNode item, long cents, bool archived, long? version = null) => new
    {
        type = "ITEM",
        id = (string)item["id"]!,
        version = version ?? (long)item["version"]!,
        item_data = new
        {
            is_archived = archived,
            variations = new[] { new { type = "ITEM_VARIATION", id = (string)item["item_data"]!["variations"]![0]!["id"]!, item_variation_data = new { price_money = new { amount = cents, currency = "USD" } } } },
        },
    };

    private Task<Reply> UpsertAsync(string key, object item) => mirror.Square.PostJsonAsync("/v2/catalog/object", new { idempotency_key = key, @object = item });

    private async Task<int> CatalogSizeAsync() => (await mirror.Square.GetJsonAsync("/v2/catalog/list?types=ITEM")).Json!["objects"]!.AsArray().Count;

    private async Task<JsonArray> TillSearchAsync(string text, string? archivedState = null) =>
        (await mirror.Square.PostJsonAsync("/v2/catalog/search-catalog-items", archivedState is null ? new { text_filter = text } : (object)new { text_filter = text, archived_state = archivedState }))
            .Json!["items"]?.AsArray() ?? [];

    [Fact]
    public async Task a_new_item_gets_server_ids_for_its_client_ids_and_is_then_found_by_its_sku_at_its_price()
    {
        var reply = await UpsertAsync("create-1", NewItem("NEW-7001", 1990));

        Assert.Equal(200, reply.Status);
        var item = reply.Json!["catalog_object"]!;
        var mappings = reply.Json["id_mappings"]!.AsArray();
        Assert.Equal(["#item", "#variation"], mappings.Select(m => (string)m!["client_object_id"]!));
        Assert.Equal((string)item["id"]!, (string)mappings[0]!["object_id"]!);
        Assert.DoesNotContain("#", (string)item["id"]!, StringComparison.Ordinal);
        var found = await mirror.Square.PostJsonAsync("/v2/catalog/search", new
        {
            object_types = new[] { "ITEM_VARIATION" },
            query = new { exact_query = new { attribute_name = "sku", attribute_value = "new-7001" } },
        });
        var variation = Assert.Single(found.Json!["objects"]!.AsArray())!;
        Assert.Equal((string)mappings[1]!["object_id"]!, (string)variation["id"]!);
        Assert.Equal(1990, (long)variation["item_variation_data"]!["price_money"]!["amount"]!);
        Assert.Equal((string)item["id"]!, (string)variation["item_variation_data"]!["item_id"]!);
    }

    [Fact]
    public async Task the_same_key_and_body_again_answers_the_first_answer_and_creates_nothing_more()
    {
        var before = await CatalogSizeAsync();
        var first = await UpsertAsync("create-2", NewItem("NEW-7002", 500));
        var again = await UpsertAsync("create-2", NewItem("NEW-7002", 500));

        Assert.Equal(200, again.Status);
        Assert.Equal(first.Body, again.Body);
        Assert.Equal(before + 1, await CatalogSizeAsync());
    }

    [Fact]
    public async Task the_same_key_with_another_body_is_refused_as_a_reused_key()
    {
        await UpsertAsync("create-3", NewItem("NEW-7003", 500));

        var reply = await UpsertAsync("create-3", NewItem("NEW-7003", 600));

        Assert.Equal(400, reply.Status);
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", (string)reply.Json!["errors"]![0]!["code"]!);
    }

    [Fact]
    public async Task an_update_at_the_current_version_changes_the_price_and_a_stale_version_is_a_version_mismatch()
    {
        var created = (await UpsertAsync("create-4", NewItem("NEW-7004", 500))).Json!["catalog_object"]!;

        var updated = await UpsertAsync("update-4", Update(created, 750, archived: false));
        var stale = await UpsertAsync("update-4b", Update(created, 800, archived: false));

        Assert.Equal(200, updated.Status);
        var item = updated.Json!["catalog_object"]!;
        Assert.Equal(750, (long)item["item_data"]!["variations"]![0]!["item_variation_data"]!["price_money"]!["amount"]!);
        Assert.True((long)item["version"]! > (long)created["version"]!);
        Assert.Equal(400, stale.Status);
        Assert.Equal("VERSION_MISMATCH", (string)stale.Json!["errors"]![0]!["code"]!);
        Assert.Equal("INVALID_REQUEST_ERROR", (string)stale.Json["errors"]![0]!["category"]!);
    }

    [Fact]
    public async Task an_archived_item_is_no_longer_offered_at_the_till_nor_sold_and_comes_back_when_unarchived()
    {
        var sku = mirror.Estate.Items.First(i => !i.Blocked).Sku;
        var listed = (await mirror.Square.PostJsonAsync("/v2/catalog/search", new
        {
            object_types = new[] { "ITEM_VARIATION" },
            include_related_objects = true,
            query = new { exact_query = new { attribute_name = "sku", attribute_value = sku } },
        })).Json!["related_objects"]![0]!;
        var price = (long)listed["item_data"]!["variations"]![0]!["item_variation_data"]!["price_money"]!["amount"]!;

        var archived = await UpsertAsync("archive-1", Update(listed, price, archived: true));

        Assert.Equal(200, archived.Status);
        Assert.True((bool)archived.Json!["catalog_object"]!["item_data"]!["is_archived"]!);
        Assert.Empty(await TillSearchAsync(sku));
        Assert.Single(await TillSearchAsync(sku, "ARCHIVED_STATE_ARCHIVED"));
        Assert.Single(await TillSearchAsync(sku, "ARCHIVED_STATE_ALL"));
        var sale = await mirror.Plain.PostJsonAsync("/_synclab/pos/sales", new { locationCode = "ST01", sku, quantity = 1 });
        Assert.Equal(409, sale.Status);

        var back = await UpsertAsync("archive-2", Update(archived.Json["catalog_object"]!, price, archived: false));
        Assert.Equal(200, back.Status);
        Assert.Single(await TillSearchAsync(sku));
    }

    [Fact]
    public async Task an_unknown_item_id_is_not_found()
    {
        var reply = await UpsertAsync("unknown-1", new
        {
            type = "ITEM",
            id = "NOSUCHITEM",
            item_data = new { variations = new[] { new { type = "ITEM_VARIATION", id = "NOSUCHVARIATION" } } },
        });

        Assert.Equal(404, reply.Status);
        Assert.Equal("NOT_FOUND", (string)reply.Json!["errors"]![0]!["code"]!);
    }

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { """{"object":{"type":"ITEM","id":"#i"}}""", "MISSING_REQUIRED_PARAMETER", "idempotency_key" },
        { """{"idempotency_key":"k"}""", "MISSING_REQUIRED_PARAMETER", "object" },
        { """{"idempotency_key":"k","object":{"type":"THING","id":"#i"}}""", "INVALID_ENUM_VALUE", "object.type" },
        { """{"idempotency_key":"k","object":{"type":"ITEM_VARIATION","id":"#v"}}""", "INVALID_VALUE", "object.type" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"variations":[{"type":"ITEM_VARIATION","id":"#v","item_variation_data":{"sku":"A","price_money":{"amount":1,"currency":"USD"}}}]}}}""", "MISSING_REQUIRED_PARAMETER", "object.item_data.name" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"name":"A","variations":[]}}}""", "INVALID_VALUE", "object.item_data.variations" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"name":"A","variations":[{"type":"ITEM_VARIATION","id":"#v","item_variation_data":{"sku":"A"}}]}}}""", "MISSING_REQUIRED_PARAMETER", "object.item_data.variations[0].item_variation_data.price_money" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"name":"A","variations":[{"type":"ITEM_VARIATION","id":"#v","item_variation_data":{"sku":"A","price_money":{"amount":-1,"currency":"USD"}}}]}}}""", "VALUE_TOO_LOW", "object.item_data.variations[0].item_variation_data.price_money.amount" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"name":"A","variations":[{"type":"ITEM_VARIATION","id":"#v","item_variation_data":{"sku":"A","price_money":{"amount":1,"currency":"EUR"}}}]}}}""", "CURRENCY_MISMATCH", "object.item_data.variations[0].item_variation_data.price_money.currency" },
        { """{"idempotency_key":"k","object":{"type":"ITEM","id":"#i","item_data":{"name":"A","variations":[{"type":"ITEM_VARIATION","id":"V1","item_variation_data":{"sku":"A","price_money":{"amount":1,"currency":"USD"}}}]}}}""", "INVALID_VALUE", "object.item_data.variations[0].id" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task bad_input_is_a_square_400_naming_the_field(string body, string code, string field)
    {
        var reply = await mirror.Square.PostRawAsync("/v2/catalog/object", body);

        Assert.Equal(400, reply.Status);
        var error = reply.Json!["errors"]![0]!;
        Assert.Equal("INVALID_REQUEST_ERROR", (string)error["category"]!);
        Assert.Equal(code, (string)error["code"]!);
        Assert.Equal(field, (string)error["field"]!);
        Assert.Empty(Spec.Violations(reply.Body, Spec.ResponseSchema("/v2/catalog/object", "post")));
    }

    [Fact]
    public async Task an_unknown_archived_state_is_a_400()
    {
        var reply = await mirror.Square.PostJsonAsync("/v2/catalog/search-catalog-items", new { archived_state = "SOMETIMES" });

        Assert.Equal(400, reply.Status);
        Assert.Equal("archived_state", (string)reply.Json!["errors"]![0]!["field"]!);
    }

    [Fact]
    public async Task upsert_answers_conform_to_squares_schema()
    {
        var created = await UpsertAsync("conform-1", NewItem("NEW-7009", 100));
        var updated = await UpsertAsync("conform-2", Update(created.Json!["catalog_object"]!, 200, archived: true));

        foreach (var reply in new[] { created, updated })
        {
            var violations = Spec.Violations(reply.Body, Spec.ResponseSchema("/v2/catalog/object", "post"));
            Assert.True(violations.Count == 0, string.Join('\n', violations));
        }
    }
}
