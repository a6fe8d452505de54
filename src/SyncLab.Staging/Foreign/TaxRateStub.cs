using System.Globalization;
using System.Text.RegularExpressions;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncLab.Staging.Foreign;

/// <summary>
/// A sales-tax rate service: <c>GET /v1/rates?postal_code=60601&amp;country=US</c> answers the rate in force
/// at the business clock's now, so a rate change at midnight happens when the business clock crosses it.
/// </summary>
public static partial class TaxRateStub
{
    public sealed record RateAnswer(string PostalCode, string Country, string Jurisdiction, decimal Rate, DateTimeOffset EffectiveFrom, DateTimeOffset AsOf);

    public static void Map(WireMockServer server, TaxRateTable rates, TimeProvider clock)
    {
        server.Given(Request.Create().WithPath("/v1/rates").UsingGet().WithParam(query => !query.ContainsKey("postal_code")))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Error(400, "missing_parameter", "postal_code is required.")));

        server.Given(Request.Create().WithPath("/v1/rates").UsingGet())
            .AtPriority(5)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var postal = request.Query!["postal_code"].FirstOrDefault()?.Trim() ?? string.Empty;
                var country = request.Query.TryGetValue("country", out var c) ? c.FirstOrDefault()?.Trim().ToUpperInvariant() ?? "US" : "US";
                if (country != "US")
                {
                    return StubJson.Answer(422, StubJson.Error(422, "unsupported_country", $"Rates are served for country US only, not '{country}'."));
                }
                if (!PostalCode().IsMatch(postal))
                {
                    return StubJson.Answer(400, StubJson.Error(400, "invalid_postal_code", $"'{postal}' is not a US postal code (12345 or 12345-6789)."));
                }
                var now = clock.GetUtcNow();
                var rate = rates.Lookup(postal, now);
                return rate is null
                    ? StubJson.Answer(404, StubJson.Error(404, "no_rate", $"No rate is in force for {postal} on {now.ToString("O", CultureInfo.InvariantCulture)}."))
                    : StubJson.Answer(200, StubJson.Body(new RateAnswer(postal, country, rate.Jurisdiction, rate.Rate, rate.EffectiveFrom, now)));
            }));

        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(1000)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Error(404, "not_found", "The tax service serves GET /v1/rates?postal_code=...&country=US.")));
    }

    [GeneratedRegex(@"^\d{5}(-\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();
}
