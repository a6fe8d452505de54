using System.Net;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.Square;
using SyncLab.Mirrors.Pos;

namespace SyncLab.Engine.Tests.Connectors;

/// <summary>
/// Square publishes no rate limit; a merchant who met its 429s sets a budget, and the engine keeps under it instead of
/// bouncing off it. Against the POS mirror holding 5 requests a second (business time running at real speed).
/// </summary>
public sealed class SquarePacingOverHttpTests
{
    private const int Burst = 15;

    [Fact]
    public async Task paced_to_the_budget_a_burst_meets_no_rate_limit_and_unpaced_it_does()
    {
        var budget = new SquareRateLimit(5, TimeSpan.FromSeconds(1));
        await using var host = await Pipeline.StagingHttp.StartMirrorsAsync(o => o with { ClockRate = 1, PosRateLimit = budget });
        var options = new EngineOptions
        {
            ErpBaseUrl = host.Addresses["erp"],
            StorefrontBaseUrl = host.Addresses["storefront"],
            PosBaseUrl = host.Addresses["pos"],
            Limits = new VendorLimits { Pos = new RequestLimit(budget.Permits, budget.Window) },
        };
        using var http = new HttpClient();

        using var pacers = new VendorPacers(options, host.Clock);
        var paced = new SquareClient(http, options, pacers);
        var answers = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => paced.LocationsAsync(CancellationToken.None)));
        Assert.All(answers, locations => Assert.NotEmpty(locations));
        Assert.True(pacers.Pos.PacedCalls >= Burst - budget.Permits, $"only {pacers.Pos.PacedCalls} of {Burst} calls waited for a place");

        var unpaced = new SquareClient(http, options with { Limits = VendorLimits.None });
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Burst).Select(async _ =>
        {
            try
            {
                await unpaced.LocationsAsync(CancellationToken.None);
                return (HttpStatusCode?)HttpStatusCode.OK;
            }
            catch (VendorCallException e)
            {
                Assert.True(e.Transient, e.Message);
                return e.Status;
            }
        }));
        Assert.Contains(HttpStatusCode.TooManyRequests, outcomes);
    }
}
