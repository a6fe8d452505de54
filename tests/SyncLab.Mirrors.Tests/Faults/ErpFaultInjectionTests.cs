using System.Diagnostics;
using System.Net;
using SyncLab.Mirrors.Tests.Erp;
using SyncLab.Mirrors.Tests.Faults.Support;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>Faults set through <c>/_synclab/faults</c> on the ERP mirror, felt by a client over real HTTP.</summary>
public sealed class ErpFaultInjectionTests(ErpMirrorFixture erp) : IClassFixture<ErpMirrorFixture>, IAsyncLifetime
{
    private readonly FaultAdmin _faults = new(erp.Http);

    public Task InitializeAsync() => _faults.ClearAsync();

    public Task DisposeAsync() => _faults.ClearAsync();

    [Fact]
    public async Task an_error_rate_of_one_answers_in_business_centrals_error_shape_and_is_ledgered()
    {
        var before = await _faults.LastSequenceAsync();
        await _faults.PutAsync("""{"id":"items-down","kind":"error","method":"GET","path":"/api/v2.0/companies({id})/items"}""");

        using var items = await erp.Http.GetAsync($"{erp.Company}/items");
        var code = await ErpMirrorFixture.AssertVendorErrorAsync(items, HttpStatusCode.InternalServerError);
        Assert.Equal("Internal_ServerError", code);
        Assert.Equal("items-down", items.Headers.GetValues("X-SyncLab-Fault").Single());
        Assert.Equal("4.0", items.Headers.GetValues("OData-Version").Single());
        using var companies = await erp.Http.GetAsync("/api/v2.0/companies");
        Assert.Equal(HttpStatusCode.OK, companies.StatusCode);

        var fault = await _faults.LedgerEntryAsync(before, e => e.GetProperty("kind").GetString() == "fault");
        Assert.Equal(500, fault.GetProperty("status").GetInt32());
        Assert.Equal("GET", fault.GetProperty("method").GetString());
        Assert.StartsWith($"{erp.Company}/items", fault.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("items-down", fault.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await _faults.GetAsync("items-down")).GetProperty("applied").GetInt64());
    }

    [Fact]
    public async Task an_error_rate_of_one_half_with_a_fixed_seed_gives_the_same_pattern_every_run()
    {
        const string Flaky = """{"id":"flaky","kind":"error","path":"/api/**","rate":0.5,"seed":7}""";
        await _faults.PutAsync(Flaky);
        var first = await StatusesAsync(24);
        // Putting the same fault again starts its draws afresh: a second run of the same calls.
        await _faults.PutAsync(Flaky);
        var second = await StatusesAsync(24);

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(200, first);
        // One draw per matching call, from Random(seed): the documented rule, so a pattern can be predicted.
        var random = new Random(7);
        Assert.Equal(Enumerable.Range(0, 24).Select(_ => random.NextDouble() < 0.5 ? 500 : 200), first);
    }

    [Fact]
    public async Task a_maintenance_window_answers_503_with_retry_after_only_inside_the_window()
    {
        var now = erp.Clock.GetUtcNow();
        await _faults.PutAsync($$"""{"kind":"maintenance","path":"/api/**","from":"{{now.AddHours(1):O}}","until":"{{now.AddHours(2):O}}"}""");

        Assert.Equal(200, (await StatusesAsync(1))[0]);
        erp.Clock.Advance(TimeSpan.FromHours(1));
        using (var down = await erp.Http.GetAsync("/api/v2.0/companies"))
        {
            Assert.Equal("Internal_ServiceUnavailable", await ErpMirrorFixture.AssertVendorErrorAsync(down, HttpStatusCode.ServiceUnavailable));
            Assert.Equal("3600", down.Headers.GetValues("Retry-After").Single());
        }
        erp.Clock.Advance(TimeSpan.FromMinutes(30));
        using (var later = await erp.Http.GetAsync("/api/v2.0/companies"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, later.StatusCode);
            Assert.Equal("1800", later.Headers.GetValues("Retry-After").Single());
        }
        erp.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(200, (await StatusesAsync(1))[0]);
    }

    [Fact]
    public async Task a_burst_of_three_429s_is_followed_by_normal_answers()
    {
        await _faults.PutAsync("""{"id":"burst","kind":"throttle","path":"/api/**","count":3,"retryAfter":"00:00:07"}""");

        for (var i = 0; i < 3; i++)
        {
            using var throttled = await erp.Http.GetAsync("/api/v2.0/companies");
            Assert.Equal("Application_TooManyRequests", await ErpMirrorFixture.AssertVendorErrorAsync(throttled, HttpStatusCode.TooManyRequests));
            Assert.Equal("7", throttled.Headers.GetValues("Retry-After").Single());
        }
        Assert.Equal([200, 200], await StatusesAsync(2));
        var burst = await _faults.GetAsync("burst");
        Assert.Equal(0, burst.GetProperty("remaining").GetInt32());
        Assert.Equal(3, burst.GetProperty("applied").GetInt64());
    }

    [Fact]
    public async Task a_hung_route_makes_a_client_with_a_short_timeout_give_up_and_the_mirror_keeps_serving()
    {
        var before = await _faults.LastSequenceAsync();
        await _faults.PutAsync("""{"kind":"hang","method":"GET","path":"/api/v2.0/companies"}""");
        using var impatient = new HttpClient { BaseAddress = erp.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
        impatient.DefaultRequestHeaders.Authorization = erp.Http.DefaultRequestHeaders.Authorization;

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync("/api/v2.0/companies"));

        using var health = await erp.Http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var items = await erp.Http.GetAsync($"{erp.Company}/items");
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        await _faults.LedgerEntryAsync(before, e => e.GetProperty("kind").GetString() == "fault" && e.GetProperty("summary").GetString()!.StartsWith("hang", StringComparison.Ordinal));
        // The mirror notices the client leaving and ledgers the call as 499 instead of holding it forever.
        await _faults.LedgerEntryAsync(before, e => e.GetProperty("kind").GetString() == "call" && e.GetProperty("status").GetInt32() == 499);
    }

    [Fact]
    public async Task latency_is_real_time_even_while_the_business_clock_is_frozen()
    {
        var businessBefore = erp.Clock.GetUtcNow();
        await _faults.PutAsync("""{"id":"slow","kind":"latency","path":"/api/v2.0/companies","delay":"00:00:00.400"}""");

        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await StatusesAsync(1))[0]);
        watch.Stop();

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(380), $"answered after {watch.Elapsed}");
        Assert.Equal(businessBefore, erp.Clock.GetUtcNow());
    }

    [Fact]
    public async Task admin_routes_and_health_are_never_faulted()
    {
        await _faults.PutAsync("""{"kind":"error","path":"/**"}""");
        await _faults.PutAsync("""{"kind":"throttle","path":"/**","count":100}""");

        Assert.Equal(HttpStatusCode.OK, (await erp.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await erp.Http.GetAsync("/_synclab/info")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await erp.Http.GetAsync("/_synclab/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await erp.Http.GetAsync("/_synclab/faults")).StatusCode);
        Assert.Equal(429, (await StatusesAsync(1))[0]);

        await _faults.ClearAsync();
        Assert.Equal(200, (await StatusesAsync(1))[0]);
    }

    [Theory]
    [InlineData("""{"kind":"explode"}""", "kind")]
    [InlineData("""{"kind":"error","rate":1.5}""", "rate")]
    [InlineData("""{"kind":"error","status":200}""", "status")]
    [InlineData("""{"kind":"error","count":3}""", "count")]
    [InlineData("""{"kind":"latency"}""", "delay")]
    [InlineData("""{"kind":"latency","delay":"-00:00:01"}""", "delay")]
    [InlineData("""{"kind":"maintenance","from":"2026-11-02T10:00:00Z"}""", "from")]
    [InlineData("""{"kind":"maintenance","from":"2026-11-02T10:00:00Z","until":"2026-11-02T09:00:00Z"}""", "until")]
    [InlineData("""{"kind":"throttle"}""", "count")]
    [InlineData("""{"kind":"lost-answer","retryAfter":"00:00:05"}""", "retryAfter")]
    [InlineData("""{"kind":"error","path":"/_synclab/ledger"}""", "path")]
    [InlineData("""{"kind":"error","path":"api/items"}""", "path")]
    [InlineData("""{"kind":"error","method":"GE T"}""", "method")]
    [InlineData("""{"kind":"error","id":"has spaces"}""", "id")]
    [InlineData("""{"kind":"error","rat":0.5}""", null)]
    [InlineData("""{"kind":"latency","delay":"soon"}""", null)]
    [InlineData("not json", null)]
    public async Task bad_fault_definitions_are_refused_with_problem_details(string body, string? field)
    {
        using var response = await _faults.SendAsync(HttpMethod.Put, "/_synclab/faults", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = FaultAdmin.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("https://synclab.dev/problems/fault-invalid", problem.GetProperty("type").GetString());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}' in {problem}");
        }
        Assert.Empty(FaultAdmin.Parse(await erp.Http.GetStringAsync("/_synclab/faults")).EnumerateArray());
    }

    [Fact]
    public async Task faults_are_listed_replaced_by_id_and_deleted_one_at_a_time()
    {
        await _faults.PutAsync("""{"id":"a","kind":"error","path":"/api/**","rate":0}""");
        await _faults.PutAsync("""{"id":"b","kind":"latency","delay":"00:00:00.010"}""");
        await _faults.PutAsync("""{"id":"a","kind":"error","path":"/api/**","rate":1,"status":502}""");

        var listed = FaultAdmin.Parse(await erp.Http.GetStringAsync("/_synclab/faults")).EnumerateArray().ToList();
        Assert.Equal(["a", "b"], listed.Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(502, listed[0].GetProperty("status").GetInt32());
        Assert.Equal(502, (await StatusesAsync(1))[0]);

        using (var deleted = await erp.Http.DeleteAsync("/_synclab/faults/a"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }
        using (var missing = await erp.Http.DeleteAsync("/_synclab/faults/a"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(200, (await StatusesAsync(1))[0]);
    }

    private async Task<List<int>> StatusesAsync(int calls)
    {
        var statuses = new List<int>();
        for (var i = 0; i < calls; i++)
        {
            using var response = await erp.Http.GetAsync("/api/v2.0/companies");
            statuses.Add((int)response.StatusCode);
        }
        return statuses;
    }
}
