using System.Net;
using System.Net.Http.Headers;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Erp;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"synclab-erp-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task on_sqlite_filters_paging_and_changes_work_and_survive_a_restart()
    {
        var estate = EstateGenerator.Generate(new EstateOptions { Seed = 7, Skus = 30 });
        var options = new MirrorHostOptions { Store = new StoreOptions(StoreKind.Sqlite, $"Data Source={_file}") };
        using var clock = new BusinessClock(start: ErpMirrorFixture.Start, rate: 0);
        var item = estate.Items.First(i => !i.Blocked);
        decimal inventory;

        await using (var first = ErpMirror.Build(options, clock, estate, new ErpMirrorSettings { PageSize = 4 }))
        {
            await first.StartAsync();
            using var http = Client(first);
            var company = await CompanyAsync(http);
            clock.Advance(TimeSpan.FromMinutes(1));
            var watermark = clock.GetUtcNow();
            clock.Advance(TimeSpan.FromMinutes(1));
            using var posted = await http.PostAsync($"/_synclab/erp/items/{item.Sku}/stock-adjustments",
                new StringContent("""{"locationCode":"WH01","quantity":7}""", System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);

            var changed = await GetAsync(http, $"{company}/items?$filter={Uri.EscapeDataString($"lastModifiedDateTime gt {watermark:yyyy-MM-dd'T'HH:mm:ss'Z'}")}");
            var row = Assert.Single(changed.GetProperty("value").EnumerateArray());
            inventory = row.GetProperty("inventory").GetDecimal();
            var page = await GetAsync(http, $"{company}/items?$orderby=unitPrice desc&$filter=unitPrice gt 1.5");
            Assert.Equal(4, page.GetProperty("value").GetArrayLength());
            Assert.True(page.TryGetProperty("@odata.nextLink", out _));
            await first.StopAsync();
        }

        await using var second = ErpMirror.Build(options, clock, estate);
        await second.StartAsync();
        using var again = Client(second);
        var companyAgain = await CompanyAsync(again);
        var after = await GetAsync(again, $"{companyAgain}/items?$filter={Uri.EscapeDataString($"number eq '{item.Number}'")}");
        Assert.Equal(inventory, after.GetProperty("value")[0].GetProperty("inventory").GetDecimal());
        await second.StopAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    private static HttpClient Client(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var http = new HttpClient { BaseAddress = app.BoundAddress() };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t");
        return http;
    }

    private static async Task<string> CompanyAsync(HttpClient http) =>
        $"/api/v2.0/companies({(await GetAsync(http, "/api/v2.0/companies")).GetProperty("value")[0].GetProperty("id").GetGuid()})";

    private static async Task<System.Text.Json.JsonElement> GetAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await ErpMirrorFixture.ReadAsync(response);
    }
}
