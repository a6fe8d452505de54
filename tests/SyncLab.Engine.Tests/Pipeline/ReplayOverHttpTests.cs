using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// Dead letters and data errors replayed over the engine's API: one, a filter or all go back into the queue as
/// fresh attempts, and a replayed change a newer version has overtaken is dropped, not applied again.
/// </summary>
public sealed class ReplayOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task dead_letters_replayed_one_by_a_filter_then_all_reach_the_storefront_once_it_is_back()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var skus = WebSkus(host).Take(2).ToList();
        await StorefrontDownAsync(http, host);
        await SetErpPriceAsync(http, host, skus[0], 61.10m);
        await SetErpPriceAsync(http, host, skus[1], 62.20m);
        await UntilDeadLetteredAsync(http, host, skus);
        await StorefrontBackAsync(http, host);
        // Back up, yet nothing moves by itself: the changes are dead letters.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.NotEqual(61.10m, await StagingHttp.StorefrontPriceAsync(http, host, skus[0]));

        var first = (await DeadLettersAsync(http, host)).Single(l => (string)l["process"]! == "prices" && (string)l["key"]! == skus[0]);
        var one = await ReplayAsync(http, host, "dead-letters", new { id = (long)first["id"]! });
        Assert.Equal(1, (int)one["replayed"]!);
        Assert.Equal([skus[0]], Keys(one));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(61.10m, await StagingHttp.StorefrontPriceAsync(http, host, skus[0]));
        Assert.NotEqual(62.20m, await StagingHttp.StorefrontPriceAsync(http, host, skus[1]));
        Assert.DoesNotContain(await DeadLettersAsync(http, host), l => (long)l["id"]! == (long)first["id"]!);

        var filtered = await ReplayAsync(http, host, "dead-letters", new { process = "prices", key = skus[1], reasonContains = "gave up" });
        Assert.Equal(1, (int)filtered["replayed"]!);
        Assert.Equal([skus[1]], Keys(filtered));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(62.20m, await StagingHttp.StorefrontPriceAsync(http, host, skus[1]));

        // The other processes of the same ERP changes (stock, catalogue) are still dead letters: all of them go now.
        var left = await DeadLettersAsync(http, host);
        Assert.NotEmpty(left);
        var all = await ReplayAsync(http, host, "dead-letters", new { all = true });
        Assert.Equal(left.Count, (int)all["replayed"]!);
        Assert.Equal(left.Select(l => (string)l["key"]!).Distinct().Order(StringComparer.Ordinal), Keys(all));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty(await DeadLettersAsync(http, host));
        Assert.Equal(0, (int)(await StagingHttp.StatusAsync(http, host))["deadLettered"]!);

        var nothing = await ReplayAsync(http, host, "dead-letters", new { all = true });
        Assert.Equal(0, (int)nothing["replayed"]!);
    }

    [Fact]
    public async Task a_replayed_dead_letter_whose_key_was_applied_since_at_a_newer_version_is_dropped()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var sku = WebSkus(host).First();
        await StorefrontDownAsync(http, host);
        await SetErpPriceAsync(http, host, sku, 11.11m);
        await UntilDeadLetteredAsync(http, host, [sku]);
        await StorefrontBackAsync(http, host);
        await SetErpPriceAsync(http, host, sku, 22.22m);
        host.Clock.Advance(host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(22.22m, await StagingHttp.StorefrontPriceAsync(http, host, sku));

        var replay = await ReplayAsync(http, host, "dead-letters", new { process = "prices", key = sku });
        Assert.Equal(1, (int)replay["replayed"]!);
        await StagingHttp.QuiescentAsync(http, host);

        // The old version went back into the queue, met the newer applied one and was dropped.
        Assert.Equal(22.22m, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.DoesNotContain(await DeadLettersAsync(http, host), l => (string)l["process"]! == "prices" && (string)l["key"]! == sku);
    }

    [Fact]
    public async Task a_data_error_replayed_while_the_record_is_still_wrong_reports_again_and_others_stay_put()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        // Two web items without a brand: each a draft on the storefront and a data error.
        foreach (var number in new[] { "SKU-REPLAY-1", "SKU-REPLAY-2" })
        {
            await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/erp/items"), new { number, description = "no brand yet", unitPrice = 3m, webEnabled = true }));
        }
        host.Clock.Advance(host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(http, host);
        var before = await DataErrorsAsync(http, host);
        var first = before.Single(e => (string)e["key"]! == "SKU-REPLAY-1");
        var second = before.Single(e => (string)e["key"]! == "SKU-REPLAY-2");
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var replay = await ReplayAsync(http, host, "data-errors", new { key = "SKU-REPLAY-1", reasonContains = "draft" });
        Assert.Equal(1, (int)replay["replayed"]!);
        Assert.Equal(["SKU-REPLAY-1"], Keys(replay));
        await StagingHttp.QuiescentAsync(http, host);

        var after = await DataErrorsAsync(http, host);
        // Replayed and still wrong: reported afresh, at the replay's time.
        var again = after.Single(e => (string)e["key"]! == "SKU-REPLAY-1");
        Assert.NotEqual((long)first["id"]!, (long)again["id"]!);
        Assert.Equal((string)first["message"]!, (string)again["message"]!);
        Assert.True(DateTimeOffset.Parse((string)again["at"]!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.Parse((string)first["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((long)second["id"]!, (long)after.Single(e => (string)e["key"]! == "SKU-REPLAY-2")["id"]!);
    }

    [Theory]
    [InlineData("dead-letters", "")]
    [InlineData("dead-letters", "{}")]
    [InlineData("dead-letters", "{\"all\": false}")]
    [InlineData("dead-letters", "{\"all\": true, \"key\": \"SKU-1\"}")]
    [InlineData("dead-letters", "{\"id\": 3, \"process\": \"prices\"}")]
    [InlineData("dead-letters", "{\"key\": \" \"}")]
    [InlineData("dead-letters", "{\"proces\": \"prices\"}")]
    [InlineData("dead-letters", "{not json")]
    [InlineData("data-errors", "{}")]
    [InlineData("data-errors", "{\"all\": true, \"id\": 1}")]
    public async Task an_empty_contradictory_or_unreadable_selection_is_a_400_problem(string what, string body)
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(host.Addresses["engine"], $"engine/{what}/replay"), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("https://synclab.dev/problems/replay-invalid", (string)problem!["type"]!);
    }

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    private static IEnumerable<string> WebSkus(StagingHost host) =>
        host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Select(i => i.Sku);

    private static Task StorefrontDownAsync(HttpClient http, StagingHost host) =>
        StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "down", kind = "error", status = 503 }));

    private static async Task StorefrontBackAsync(HttpClient http, StagingHost host)
    {
        using var response = await http.DeleteAsync(new Uri(host.Addresses["storefront"], "_synclab/faults/down"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static Task SetErpPriceAsync(HttpClient http, StagingHost host, string sku, decimal price) =>
        StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = price }));

    /// <summary>Lets business time pass, retry after retry, until the price changes of the SKUs are dead letters.</summary>
    private static async Task UntilDeadLetteredAsync(HttpClient http, StagingHost host, IReadOnlyCollection<string> skus)
    {
        for (var step = 0; step < 40; step++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(2));
            await StagingHttp.QuiescentAsync(http, host);
            var letters = await DeadLettersAsync(http, host);
            if (skus.All(s => letters.Any(l => (string)l["process"]! == "prices" && (string)l["key"]! == s)))
            {
                return;
            }
        }
        Assert.Fail("the price changes were never dead-lettered");
    }

    private static async Task<List<JsonNode>> DeadLettersAsync(HttpClient http, StagingHost host) =>
        (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/dead-letters")))!.AsArray().Select(n => n!).ToList();

    private static async Task<List<JsonNode>> DataErrorsAsync(HttpClient http, StagingHost host) =>
        (await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/data-errors")))!.AsArray().Select(n => n!).ToList();

    private static async Task<JsonNode> ReplayAsync(HttpClient http, StagingHost host, string what, object selection) =>
        (await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["engine"], $"engine/{what}/replay"), selection)))!;

    private static List<string> Keys(JsonNode answer) => answer["keys"]!.AsArray().Select(k => (string)k!).ToList();
}
