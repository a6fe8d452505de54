using System.Net.Http.Json;
using SyncLab.Engine.Tests.Pipeline;
using SyncLab.Staging;

namespace SyncLab.Engine.Tests.Mapping;

/// <summary>A staging started with another estate's mapping file (<c>synclab up --mapping</c>): the running engine decides by that file.</summary>
public sealed class MappingFileOverHttpTests : IAsyncLifetime, IDisposable
{
    private StagingHost _host = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _host = await StagingHost.StartAsync(new StagingOptions
        {
            Seed = 42,
            Skus = 20,
            BasePort = 0,
            ClockStart = new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero),
            ClockRate = 0,
            Mapping = MappingFixtures.Load("messy-estate.yaml"),
        });
        await StagingHttp.QuiescentAsync(_http, _host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task the_estates_own_status_codes_archive_an_item_and_a_code_only_the_built_in_mapping_knows_is_a_data_error()
    {
        var web = _host.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku).Take(2).ToList();
        var (gone, misCoded) = (web[0].Sku, web[1].Sku);
        Assert.Equal("ACTIVE", await StatusAsync(gone));

        await OfficeCodesAsync(gone, "AB");
        await OfficeCodesAsync(misCoded, "DISC");
        _host.Clock.Advance(_host.Options.PollInterval);
        await StagingHttp.QuiescentAsync(_http, _host);

        Assert.Equal("ARCHIVED", await StatusAsync(gone));
        Assert.Equal("ACTIVE", await StatusAsync(misCoded));
        var errors = (await StagingHttp.GetAsync(_http, new Uri(_host.Addresses["engine"], $"engine/data-errors?key={misCoded}")))!.AsArray();
        Assert.Contains(errors, e => ((string)e!["message"]!).Contains("life-cycle code 'DISC' is not in the mapping's code table", StringComparison.Ordinal));
        var goneErrors = (await StagingHttp.GetAsync(_http, new Uri(_host.Addresses["engine"], $"engine/data-errors?key={gone}")))!.AsArray();
        Assert.Empty(goneErrors);
    }

    private async Task OfficeCodesAsync(string sku, string code)
    {
        using var response = await _http.PatchAsJsonAsync(new Uri(_host.Addresses["erp"], $"_synclab/erp/items/{sku}"), new { lifecycleCode = code });
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> StatusAsync(string sku)
    {
        var data = await StagingHttp.ShopAsync(_http, _host, $"{{ productVariants(first: 1, query: \"sku:{sku}\") {{ edges {{ node {{ product {{ status }} }} }} }} }}");
        return (string)data!["productVariants"]!["edges"]![0]!["node"]!["product"]!["status"]!;
    }
}
