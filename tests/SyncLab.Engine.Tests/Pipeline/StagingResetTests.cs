using System.Net;
using System.Net.Http.Json;
using SyncLab.Staging;
using SyncLab.Staging.Foreign;

namespace SyncLab.Engine.Tests.Pipeline;

/// <summary>
/// A staging reset between scenarios must be indistinguishable from a new staging: what one scenario did
/// (prices, orders, customers, data errors, retries due later, faults, clock) is gone for the next.
/// </summary>
public sealed class StagingResetTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task a_reset_staging_looks_exactly_like_a_new_one_after_its_first_sync()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var fresh = await FingerprintAsync(http, host);

        await MessUpAsync(http, host);
        var messy = await FingerprintAsync(http, host);
        Assert.NotEqual(fresh, messy);

        var reset = await host.ResetAsync();
        Assert.Equal(["erp", "storefront", "pos", "warehouse", "engine"], reset.Parts);
        Assert.Equal(Epoch, reset.Clock);
        await StagingHttp.QuiescentAsync(http, host);
        Assert.Equal(fresh, await FingerprintAsync(http, host));
    }

    [Fact]
    public async Task a_reset_leaves_no_engine_work_of_the_last_scenario_due_later()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        // A new staging already holds work due later: the ends of the estate's price lists.
        var scheduled = (int)(await StagingHttp.StatusAsync(http, host))["pending"]!;
        var sku = StagingHttp.CleanWebSku(host);
        // The storefront fails, so the engine schedules retries of the price change for later.
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/faults"), new { id = "down", kind = "error", status = 503 }));
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 77.70m }));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.True((int)(await StagingHttp.StatusAsync(http, host))["pending"]! > scheduled, "the engine should hold a retry for later");

        await host.ResetAsync();
        await StagingHttp.QuiescentAsync(http, host);

        var status = await StagingHttp.StatusAsync(http, host);
        Assert.Equal(scheduled, (int)status["pending"]!);
        Assert.Empty((await StagingHttp.GetAsync(http, new Uri(host.Addresses["storefront"], "_synclab/faults")))!.AsArray());
        // Hours later, still nothing of the old scenario fires: its retries went with the reset.
        host.Clock.Advance(TimeSpan.FromHours(3));
        await StagingHttp.QuiescentAsync(http, host);
        Assert.NotEqual(77.70m, await StagingHttp.StorefrontPriceAsync(http, host, sku));
        Assert.Equal(0, (int)(await StagingHttp.StatusAsync(http, host))["dataErrors"]!);
    }

    [Fact]
    public async Task the_staging_reset_endpoint_answers_what_it_reset_and_mirrors_reset_themselves_over_http()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        await StagingHttp.QuiescentAsync(http, host);
        var sku = StagingHttp.CleanWebSku(host);
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 12.34m }));

        var mirror = await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/reset"), new { clock = Epoch.AddDays(1) }));
        Assert.Equal("erp", (string)mirror!["system"]!);
        Assert.Contains("company", mirror["parts"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(Epoch.AddDays(1), host.Clock.GetUtcNow());
        Assert.NotEqual(12.34m, await StagingHttp.ErpPriceAsync(http, host, sku));

        using var bad = await http.PostAsync(new Uri(host.Addresses["erp"], "_synclab/reset"), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);

        var staging = await StagingHttp.OkAsync(http.PostAsync(new Uri(host.Addresses["engine"], "_synclab/staging/reset"), null));
        Assert.Equal(Epoch, DateTimeOffset.Parse((string)staging!["clock"]!, System.Globalization.CultureInfo.InvariantCulture));
        await StagingHttp.QuiescentAsync(http, host);
    }

    private static Task<StagingHost> StartAsync() => StagingHost.StartAsync(new StagingOptions
    {
        Seed = 42,
        Skus = 30,
        BasePort = 0,
        ClockStart = Epoch,
        ClockRate = 0,
        ForeignServices = new ForeignServicesOptions { Enabled = false },
    });

    /// <summary>One scenario's worth of traces: a price, a new item (a data error), a web order (an ERP order and customer), a fault, time.</summary>
    private static async Task MessUpAsync(HttpClient http, StagingHost host)
    {
        var sku = StagingHttp.CleanWebSku(host);
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], $"_synclab/erp/items/{sku}/price"), new { unitPrice = 55.50m }));
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["erp"], "_synclab/erp/items"), new { number = "SKU-RESET-1", description = "not on the web shop", unitPrice = 3m, webEnabled = true }));
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["storefront"], "_synclab/storefront/orders"), new
        {
            email = "reset@example.com",
            firstName = "Re",
            lastName = "Set",
            lines = new[] { new { sku, quantity = 1 } },
        }));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        await StagingHttp.QuiescentAsync(http, host);
        await StagingHttp.OkAsync(http.PostAsJsonAsync(new Uri(host.Addresses["pos"], "_synclab/faults"), new { id = "slow", kind = "latency", delay = "00:00:00.001" }));
    }

    /// <summary>What a scenario can observe: clock, ERP items/orders/customers, the shop's variants and orders, the engine's counts and errors, faults.</summary>
    private static async Task<string> FingerprintAsync(HttpClient http, StagingHost host)
    {
        var erp = host.Addresses["erp"];
        var company = (string)(await StagingHttp.ErpAsync(http, erp, "api/v2.0/companies"))!["value"]![0]!["id"]!;
        var parts = new List<string>
        {
            host.Clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            (await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/items?$orderby=number"))!["value"]!.ToJsonString(),
            (await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/salesOrders"))!["value"]!.ToJsonString(),
            (await StagingHttp.ErpAsync(http, erp, $"api/v2.0/companies({company})/customers?$orderby=number"))!["value"]!.ToJsonString(),
            (await StagingHttp.ShopAsync(http, host, "{ productVariants(first: 250) { edges { node { id sku price compareAtPrice inventoryQuantity } } } orders(first: 50) { edges { node { id } } } }"))!.ToJsonString(),
        };
        var status = await StagingHttp.StatusAsync(http, host);
        parts.Add($"{status["pending"]} {status["done"]} {status["failed"]} {status["deadLettered"]} {status["dataErrors"]} {status["lastPollAt"]} {status["nextPollAt"]}");
        parts.Add((await StagingHttp.GetAsync(http, new Uri(host.Addresses["engine"], "engine/data-errors")))!.ToJsonString());
        foreach (var mirror in new[] { "erp", "storefront", "pos", "warehouse" })
        {
            parts.Add((await StagingHttp.GetAsync(http, new Uri(host.Addresses[mirror], "_synclab/faults")))!.ToJsonString());
        }
        return string.Join("\n", parts);
    }
}
