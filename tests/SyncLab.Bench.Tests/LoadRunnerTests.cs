using System.Diagnostics;
using SyncLab.Bench.Load;
using SyncLab.Bench.Targets;

namespace SyncLab.Bench.Tests;

/// <summary>The load generator against the bare endpoint for a fraction of a second: what it counts must be what the server saw.</summary>
public sealed class LoadRunnerTests
{
    private const string Sku = "SKU-000001";
    private const string Answer = """{"inventory":[{"sku":"SKU-000001","on_hand":3,"allocated":0,"available":3}],"total":1,"page":1,"pages":1}""";
    private static readonly StubbedInventory Stubs = new([Sku, "SKU-000002", "SKU-000003"], Answer, Sku, "se-300001");

    private static readonly LoadOptions Short = new() { Workers = 4, WarmUp = TimeSpan.Zero, Duration = TimeSpan.FromMilliseconds(300) };

    [Theory]
    [InlineData(Operation.Read)]
    [InlineData(Operation.Write)]
    public async Task every_request_the_server_answered_is_counted_once_and_none_is_an_error(Operation operation)
    {
        await using var bare = await BareEndpoint.StartAsync(Stubs);
        using var runner = new LoadRunner(Short);

        var result = await runner.RunAsync(Case(bare, operation));

        Assert.True(result.Ok > 0, "the runner sent nothing");
        Assert.Equal(bare.Served, result.Ok);
        Assert.Equal(0, result.Errors);
        Assert.Null(result.FirstError);
        Assert.True(result.RequestsPerSecond > 0);
        Assert.True(result.P50 <= result.P99 && result.P99 <= result.Max);
    }

    [Fact]
    public async Task failed_answers_are_counted_as_errors_and_left_out_of_requests_and_latencies()
    {
        // Every third request the server sees fails.
        await using var bare = await BareEndpoint.StartAsync(Stubs, status: n => n % 3 == 0 ? 500 : 200);
        using var runner = new LoadRunner(Short);

        var result = await runner.RunAsync(Case(bare, Operation.Read));

        Assert.Equal(bare.Served, result.Ok + result.Errors);
        Assert.Equal(bare.Served / 3, result.Errors);
        Assert.StartsWith("HTTP 500", result.FirstError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_warm_up_is_sent_but_not_counted()
    {
        await using var bare = await BareEndpoint.StartAsync(Stubs);
        using var runner = new LoadRunner(Short with { WarmUp = TimeSpan.FromMilliseconds(200) });

        var result = await runner.RunAsync(Case(bare, Operation.Read));

        Assert.True(bare.Served > result.Ok, $"served {bare.Served}, counted {result.Ok}");
    }

    [Fact]
    public async Task a_probe_of_a_broken_case_says_why()
    {
        await using var bare = await BareEndpoint.StartAsync(Stubs, status: _ => 404);
        using var runner = new LoadRunner(Short);

        var why = await runner.ProbeAsync(Case(bare, Operation.Read));

        Assert.StartsWith("HTTP 404", why, StringComparison.Ordinal);
    }

    [Fact]
    public void a_2xx_answer_counts_only_if_it_holds_what_was_asked_and_nothing_that_marks_a_failure()
    {
        var benchCase = new BenchCase("t", Operation.Read, "r", _ => throw new InvalidOperationException(), [BenchRequest.Utf8("\"errors\"")]);
        using var message = new HttpRequestMessage();
        var request = new BenchRequest(message, BenchRequest.Utf8("\"sku\":\"A\""));

        Assert.True(LoadRunner.IsSuccess(benchCase, request, 200, BenchRequest.Utf8("""{"sku":"A"}""")));
        Assert.False(LoadRunner.IsSuccess(benchCase, request, 200, BenchRequest.Utf8("""{"sku":"B"}""")));
        Assert.False(LoadRunner.IsSuccess(benchCase, request, 200, BenchRequest.Utf8("""{"sku":"A","errors":[]}""")));
        Assert.False(LoadRunner.IsSuccess(benchCase, request, 404, BenchRequest.Utf8("""{"sku":"A"}""")));
    }

    [Fact]
    public void percentiles_are_nearest_rank_over_the_successful_requests()
    {
        var millisecond = Stopwatch.Frequency / 1000;
        var latencies = Enumerable.Range(1, 200).Select(i => i * millisecond).ToArray();

        var result = new LoadResult(new BenchCase("t", Operation.Read, "r", _ => throw new InvalidOperationException()), latencies, 0, TimeSpan.FromSeconds(2), 0, null);

        Assert.Equal(100, result.P50.TotalMilliseconds, precision: 3);
        Assert.Equal(198, result.P99.TotalMilliseconds, precision: 3);
        Assert.Equal(200, result.Max.TotalMilliseconds, precision: 3);
        Assert.Equal(100, result.RequestsPerSecond, precision: 6);
    }

    private static BenchCase Case(BareEndpoint bare, Operation operation) =>
        BaselineCases.For("bare", bare.Address, Stubs.Skus, Stubs.LocationId).Single(c => c.Operation == operation);
}
