using System.Text.Json;
using System.Text.RegularExpressions;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncLab.Staging.Foreign;

/// <summary>
/// An address validator: <c>POST /v1/addresses/validate</c> with a US address answers it standardized
/// (upper case, USPS street abbreviations) as <c>verified</c> (nothing to change), <c>corrected</c> (with the
/// fields changed) or <c>unverifiable</c>. Postal code 00000 is the test address that never verifies.
/// </summary>
public static partial class AddressValidatorStub
{
    public sealed record Address(string? AddressLine1, string? AddressLine2, string? City, string? State, string? PostalCode, string? Country);

    public sealed record Validation(string Status, Address Address, IReadOnlyList<string> Changes, IReadOnlyList<string> Messages);

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["STREET"] = "ST", ["AVENUE"] = "AVE", ["ROAD"] = "RD", ["BOULEVARD"] = "BLVD", ["DRIVE"] = "DR", ["LANE"] = "LN",
        ["COURT"] = "CT", ["PLACE"] = "PL", ["SUITE"] = "STE", ["APARTMENT"] = "APT", ["NORTH"] = "N", ["SOUTH"] = "S",
        ["EAST"] = "E", ["WEST"] = "W",
    };

    public static void Map(WireMockServer server)
    {
        // A fixed stub through WireMock's own JSON matcher: the documented never-verifies address.
        server.Given(Request.Create().WithPath("/v1/addresses/validate").UsingPost().WithBody(new JsonPartialMatcher(new { postal_code = "00000" })))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Body(new Validation("unverifiable", new Address(null, null, null, null, "00000", "US"), [], ["The address could not be found."]))));

        server.Given(Request.Create().WithPath("/v1/addresses/validate").UsingPost())
            .AtPriority(5)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                Address? input;
                try
                {
                    input = JsonSerializer.Deserialize<Address>(request.Body ?? string.Empty, StubJson.Options);
                }
                catch (JsonException)
                {
                    input = null;
                }
                if (input is null)
                {
                    return StubJson.Answer(400, StubJson.Error(400, "invalid_json", "The body must be a JSON address."));
                }
                var missing = Missing(input);
                return missing is not null
                    ? StubJson.Answer(422, StubJson.Error(422, "invalid_address_request", $"{missing} is required."))
                    : StubJson.Answer(200, StubJson.Body(Validate(input)));
            }));

        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(1000)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Error(404, "not_found", "The address validator serves POST /v1/addresses/validate.")));
    }

    /// <summary>The first required field that is missing, or null.</summary>
    public static string? Missing(Address a) =>
        string.IsNullOrWhiteSpace(a.AddressLine1) ? "address_line1"
        : string.IsNullOrWhiteSpace(a.City) ? "city"
        : string.IsNullOrWhiteSpace(a.State) ? "state"
        : string.IsNullOrWhiteSpace(a.PostalCode) ? "postal_code"
        : null;

    /// <summary>Standardizes an address, USPS style; pure, so it is tested without a server.</summary>
    public static Validation Validate(Address input)
    {
        var country = string.IsNullOrWhiteSpace(input.Country) ? "US" : input.Country.Trim().ToUpperInvariant();
        var standard = new Address(
            Street(input.AddressLine1),
            string.IsNullOrWhiteSpace(input.AddressLine2) ? null : Street(input.AddressLine2),
            Words(input.City),
            input.State?.Trim().ToUpperInvariant(),
            Postal(input.PostalCode),
            country);
        var messages = new List<string>();
        if (country != "US")
        {
            messages.Add($"Only US addresses are validated, not '{country}'.");
        }
        if (standard.State is not { Length: 2 } || !standard.State.All(char.IsAsciiLetterUpper))
        {
            messages.Add("state must be a two-letter USPS code.");
        }
        if (standard.PostalCode is null || !PostalCode().IsMatch(standard.PostalCode))
        {
            messages.Add("postal_code must be 12345 or 12345-6789.");
        }
        if (messages.Count > 0)
        {
            return new Validation("unverifiable", standard, [], messages);
        }
        var changes = new List<string>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
            {
                changes.Add(field);
            }
        }
        Compare("address_line1", input.AddressLine1, standard.AddressLine1);
        Compare("address_line2", input.AddressLine2, standard.AddressLine2);
        Compare("city", input.City, standard.City);
        Compare("state", input.State, standard.State);
        Compare("postal_code", input.PostalCode, standard.PostalCode);
        return new Validation(changes.Count == 0 ? "verified" : "corrected", standard, changes, []);
    }

    private static string? Words(string? value) =>
        value is null ? null : string.Join(' ', value.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static string? Street(string? value) =>
        Words(value) is not { } words ? null : string.Join(' ', words.Split(' ').Select(w => Abbreviations.TryGetValue(w, out var a) ? a : w));

    private static string? Postal(string? value)
    {
        var digits = value is null ? string.Empty : new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length switch
        {
            5 => digits,
            9 => $"{digits[..5]}-{digits[5..]}",
            _ => value?.Trim(),
        };
    }

    [GeneratedRegex(@"^\d{5}(-\d{4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex PostalCode();
}
