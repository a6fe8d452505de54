using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Scheduling;

/// <summary>The scheduler and the reconciliation through the engine's API and the real mirrors, on the business clock.</summary>
public sealed class SchedulerOverHttpTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero); // 09:00 in Chicago
    private static readonly TimeSpan Cst = TimeSpan.FromHours(-6);

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 20,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    [Fact]
    public async Task each_occurrence_runs_once_across_polls_and_restarts_and_a_job_missed_while_down_runs_once_when_back()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var engine = host.Addresses["engine"];
        var set = await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "America/Chicago" }));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 3, 0, 0, Cst), (DateTimeOffset)set!["nextRunAt"]!);

        host.Clock.Set(new DateTimeOffset(2026, 11, 3, 2, 59, 0, Cst));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Empty(await RunsAsync(http, engine));

        host.Clock.Set(new DateTimeOffset(2026, 11, 3, 3, 0, 0, Cst));
        await StagingHttp.QuiescentAsync(http, host);
        for (var poll = 0; poll < 3; poll++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(20));
            await StagingHttp.QuiescentAsync(http, host);
        }
        await RestartAsync(http, host);
        var once = Assert.Single(await RunsAsync(http, engine));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 3, 0, 0, Cst), (DateTimeOffset)once["occurrence"]!);
        Assert.False((bool)once["late"]!);

        // Down from before the 4th's run until the 6th at noon: the 4th's occurrence runs once when back, standing for the 5th and 6th.
        await StagingHttp.OkAsync(http.PostAsync(new Uri(engine, "_synclab/staging/engine/stop"), null));
        host.Clock.Set(new DateTimeOffset(2026, 11, 6, 12, 0, 0, Cst));
        await StagingHttp.OkAsync(http.PostAsync(new Uri(engine, "_synclab/staging/engine/start"), null));
        await StagingHttp.QuiescentAsync(http, host);
        var runs = await RunsAsync(http, engine);
        Assert.Equal(2, runs.Count);
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 3, 0, 0, Cst), (DateTimeOffset)runs[0]["occurrence"]!);
        Assert.Equal((true, 2), ((bool)runs[0]["late"]!, (int)runs[0]["missed"]!));
        var status = await StagingHttp.GetAsync(http, new Uri(engine, "engine/schedules/reconciliation"));
        Assert.Equal(new DateTimeOffset(2026, 11, 7, 3, 0, 0, Cst), (DateTimeOffset)status!["nextRunAt"]!);
    }

    [Fact]
    public async Task the_reconciliation_heals_a_price_changed_behind_the_engines_back_through_the_process_that_owns_it_and_reports_it()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var engine = host.Addresses["engine"];
        var (sku, truth) = await PriceChangedInTheShopAdminAsync(http, host);

        await StagingHttp.OkAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "America/Chicago" }));
        host.Clock.Set(new DateTimeOffset(2026, 11, 3, 3, 0, 0, Cst));
        await StagingHttp.QuiescentAsync(http, host);

        Assert.Equal(truth, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        var report = await StagingHttp.GetAsync(http, new Uri(engine, "engine/reconciliation"));
        var finding = Assert.Single(report!["findings"]!.AsArray(), f => (string)f!["sku"]! == sku)!;
        // The estate's WEB-2026 price list took effect after the item cards were keyed: the price comes from it, so the effective-prices process heals it.
        Assert.Equal(("price", "1.00", true, "effective-prices"), ((string)finding["kind"]!, (string)finding["found"]!, (bool)finding["healed"]!, (string?)finding["healedBy"]));
        Assert.DoesNotContain(report["findings"]!.AsArray(), f => (bool)f!["healed"]! && (string)f["sku"]! != sku);
    }

    [Fact]
    public async Task a_reconciliation_asked_for_now_runs_off_schedule_and_again_at_the_same_instant()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var engine = host.Addresses["engine"];
        var (sku, truth) = await PriceChangedInTheShopAdminAsync(http, host);

        // No schedule is set: the job runs because it was asked to, at the business clock's now.
        using (var accepted = await http.PostAsync(new Uri(engine, "engine/schedules/reconciliation/runs"), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(Epoch, (DateTimeOffset)JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["at"]!);
        }
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(truth, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        var first = await StagingHttp.GetAsync(http, new Uri(engine, "engine/reconciliation"));
        Assert.Contains(first!["findings"]!.AsArray(), f => (string)f!["sku"]! == sku && (bool)f["healed"]!);
        Assert.Single(await RunsAsync(http, engine));

        // Asked again with the clock standing still (a staging): a run of its own, which finds the price healed.
        using (var again = await http.PostAsync(new Uri(engine, "engine/schedules/reconciliation/runs"), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        }
        await StagingHttp.QuiescentAsync(http, host);
        var second = await StagingHttp.GetAsync(http, new Uri(engine, "engine/reconciliation"));
        Assert.DoesNotContain(second!["findings"]!.AsArray(), f => (string)f!["sku"]! == sku);
        Assert.Equal(0, (int)second["healed"]!);
        Assert.Equal(2, (await RunsAsync(http, engine)).Count);
        await AssertProblemAsync(http.PostAsync(new Uri(engine, "engine/schedules/nightly-coffee/runs"), null), HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task bad_schedule_requests_are_problems_naming_the_field()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        var engine = host.Addresses["engine"];
        await AssertProblemAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 25 * * *", timeZone = "America/Chicago" }), HttpStatusCode.BadRequest, "cron");
        await AssertProblemAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "Mars/Base" }), HttpStatusCode.BadRequest, "timeZone");
        await AssertProblemAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/reconciliation"), new { cron = "0 3 * * *", timeZone = "UTC", crn = "x" }), HttpStatusCode.BadRequest, null);
        await AssertProblemAsync(http.PutAsJsonAsync(new Uri(engine, "engine/schedules/nightly-coffee"), new { cron = "0 3 * * *", timeZone = "UTC" }), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(http.GetAsync(new Uri(engine, "engine/schedules/reconciliation/occurrences?count=0")), HttpStatusCode.BadRequest, "count");
        await AssertProblemAsync(http.GetAsync(new Uri(engine, "engine/schedules/reconciliation/occurrences?after=tomorrow")), HttpStatusCode.BadRequest, "after");
        await AssertProblemAsync(http.GetAsync(new Uri(engine, "engine/reconciliation")), HttpStatusCode.NotFound, null);
        var off = await StagingHttp.GetAsync(http, new Uri(engine, "engine/schedules"));
        Assert.Equal(("reconciliation", "none"), ((string)off![0]!["job"]!, (string)off[0]!["source"]!));
    }

    /// <summary>A web SKU's price set to 1.00 in the shop admin, behind the engine's back; the SKU and the price it should have.</summary>
    private static async Task<(string Sku, decimal Truth)> PriceChangedInTheShopAdminAsync(HttpClient http, StagingHost host)
    {
        var sku = StagingHttp.CleanWebSku(host);
        var truth = await StagingHttp.StorefrontPriceAsync(http, host, sku);
        var node = (await StagingHttp.ShopAsync(http, host, $$"""{ productVariants(first: 1, query: "sku:{{sku}}") { nodes { id product { id } } } }"""))!["productVariants"]!["nodes"]![0]!;
        await StagingHttp.ShopAsync(http, host, $$"""mutation { productVariantsBulkUpdate(productId: "{{node["product"]!["id"]}}", variants: [{ id: "{{node["id"]}}", price: "1.00" }]) { userErrors { message } } }""");
        Assert.Equal(1.00m, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        return (sku, truth);
    }

    private static async Task AssertProblemAsync(Task<HttpResponseMessage> call, HttpStatusCode expected, string? field)
    {
        using var response = await call;
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.NotNull(body["errors"]![field]);
        }
    }

    private static async Task RestartAsync(HttpClient http, StagingHost host)
    {
        await StagingHttp.OkAsync(http.PostAsync(new Uri(host.Addresses["engine"], "_synclab/staging/engine/stop"), null));
        await StagingHttp.OkAsync(http.PostAsync(new Uri(host.Addresses["engine"], "_synclab/staging/engine/start"), null));
        await StagingHttp.QuiescentAsync(http, host);
    }

    private static async Task<List<JsonNode>> RunsAsync(HttpClient http, Uri engine) =>
        (await StagingHttp.GetAsync(http, new Uri(engine, "engine/schedules/reconciliation/runs")))!.AsArray().Select(r => r!).ToList();
}
