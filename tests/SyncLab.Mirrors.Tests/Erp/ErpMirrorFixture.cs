using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp;
using Xunit;

namespace SyncLab.Mirrors.Tests.Erp;

/// <summary>
/// One ERP mirror on loopback, shared by a test class: the seed-7 estate of 30 SKUs, the business clock
/// frozen at the estate's "today", and an HttpClient that sends a bearer token.
/// </summary>
public class ErpMirrorFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public BusinessClock Clock { get; } = new(start: Start, rate: 0);

    public BusinessEstate Estate { get; private set; } = null!;

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Guid CompanyId { get; private set; }

    /// <summary>"/api/v2.0/companies({id})": prefix of the standard company-scoped pages.</summary>
    public string Company => $"/api/v2.0/companies({CompanyId})";

    protected virtual EstateOptions EstateOptions => new() { Seed = 7, Skus = 30 };

    protected virtual ErpMirrorSettings Settings => new();

    protected virtual MirrorHostOptions HostOptions => new();

    public async Task InitializeAsync()
    {
        Estate = EstateGenerator.Generate(EstateOptions);
        App = ErpMirror.Build(HostOptions, Clock, Estate, Settings);
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = App.BoundAddress() };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
        var companies = await GetJsonAsync("/api/v2.0/companies");
        CompanyId = companies.GetProperty("value")[0].GetProperty("id").GetGuid();
    }

    public virtual async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Clock.Dispose();
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await ReadAsync(response);
    }

    /// <summary>Every entity of a collection, following @odata.nextLink; also how many pages it took.</summary>
    public async Task<(List<JsonElement> Rows, int Pages)> GetAllAsync(string url)
    {
        var rows = new List<JsonElement>();
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var page = await GetJsonAsync(next);
            pages++;
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }
        return (rows, pages);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string url, object body) => Http.PostAsJsonAsync(url, body);

    public async Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string url, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await Http.SendAsync(request);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }

    /// <summary>Asserts Business Central's error body and returns its code.</summary>
    public static async Task<string> AssertVendorErrorAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        var error = doc.RootElement.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error.GetProperty("code").GetString()!;
    }

    /// <summary>The estate's n-th item that is not blocked: stock can be posted to it.</summary>
    public Item Unblocked(int n) => Estate.Items.Where(i => !i.Blocked).ElementAt(n);
}
