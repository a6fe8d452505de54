using System.Text;
using System.Text.Json;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults.Support;

/// <summary>Drives a fault admin API (a mirror's <c>/_synclab/faults</c> or a foreign service's) and reads a ledger, over HTTP.</summary>
public sealed class FaultAdmin(HttpClient http, string faults = "/_synclab/faults", string ledger = "/_synclab/ledger")
{
    public async Task<JsonElement> PutAsync(string json)
    {
        using var response = await SendAsync(HttpMethod.Put, faults, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"PUT {faults} answered {(int)response.StatusCode}: {body}");
        return Parse(body);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return await http.SendAsync(request);
    }

    public async Task ClearAsync()
    {
        using var response = await http.DeleteAsync(faults);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    public async Task<JsonElement> GetAsync(string id) => Parse(await http.GetStringAsync($"{faults}/{id}"));

    /// <summary>The newest ledger sequence: read it before acting, then look at what came after.</summary>
    public async Task<long> LastSequenceAsync()
    {
        long last = 0;
        while (true)
        {
            var page = await LedgerAsync(last);
            if (page.Count == 0)
            {
                return last;
            }
            last = page[^1].GetProperty("sequence").GetInt64();
        }
    }

    public async Task<List<JsonElement>> LedgerAsync(long after) =>
        Parse(await http.GetStringAsync($"{ledger}?after={after}&limit=10000")).EnumerateArray().ToList();

    /// <summary>Waits (polling, bounded) until the ledger after <paramref name="after"/> has an entry that satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonElement> LedgerEntryAsync(long after, Func<JsonElement, bool> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            var match = (await LedgerAsync(after)).FirstOrDefault(condition);
            if (match.ValueKind != JsonValueKind.Undefined)
            {
                return match;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
        throw new TimeoutException("the ledger never showed the expected entry");
    }

    public static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
