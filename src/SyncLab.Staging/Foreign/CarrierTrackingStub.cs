using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace SyncLab.Staging.Foreign;

/// <summary>
/// A parcel carrier's tracking API: <c>GET /v1/tracking/{trackingNumber}</c>. Any well-formed number is
/// in transit since the business clock's now; a status set through the admin API becomes a WireMock
/// stub of its own for that number, with the history of every status set so far.
/// </summary>
public sealed partial class CarrierTrackingStub(WireMockServer server, TimeProvider clock)
{
    public const string CarrierCode = "synclab_parcel";

    public static readonly IReadOnlyList<string> Statuses =
        ["label_created", "in_transit", "out_for_delivery", "delivered", "exception", "returned_to_sender"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<TrackingEvent>> _history = new(StringComparer.Ordinal);

    public sealed record TrackingEvent(string Status, DateTimeOffset OccurredAt, string Description);

    public sealed record TrackingAnswer(string TrackingNumber, string Carrier, string Status, DateTimeOffset? EstimatedDelivery, IReadOnlyList<TrackingEvent> Events);

    public static bool IsTrackingNumber(string value) => TrackingNumber().IsMatch(value);

    public void Map()
    {
        server.Given(Request.Create().WithPath(new RegexMatcher(@"^/v1/tracking/[A-Za-z0-9]{8,40}$")).UsingGet())
            .AtPriority(5)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                var number = request.PathSegments![^1];
                var now = clock.GetUtcNow();
                var answer = new TrackingAnswer(number, CarrierCode, "in_transit", DaysAfter(now, 3),
                    [new TrackingEvent("in_transit", now, "Departed carrier facility")]);
                return StubJson.Answer(200, StubJson.Body(answer));
            }));

        server.Given(Request.Create().WithPath(new WildcardMatcher("/v1/tracking/*")).UsingGet())
            .AtPriority(50)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Error(404, "tracking_not_found", "No shipment has this tracking number.")));

        server.Given(Request.Create().WithPath(new WildcardMatcher("/*")))
            .AtPriority(1000)
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", StubJson.ContentType)
                .WithBody(StubJson.Error(404, "not_found", "The carrier serves GET /v1/tracking/{trackingNumber}.")));
    }

    /// <summary>Records a new status for <paramref name="number"/> at business now and (re)writes its stub.</summary>
    public TrackingAnswer SetStatus(string number, string status, string? description)
    {
        TrackingAnswer answer;
        lock (_gate)
        {
            if (!_history.TryGetValue(number, out var events))
            {
                _history[number] = events = [];
            }
            events.Add(new TrackingEvent(status, clock.GetUtcNow(), description ?? Describe(status)));
            var ordered = events.OrderByDescending(e => e.OccurredAt).ToList();
            answer = new TrackingAnswer(number, CarrierCode, status, status == "delivered" ? null : DaysAfter(ordered[0].OccurredAt, 2), ordered);
        }
        // The same guid for the same number: WireMock replaces the stub instead of adding another.
        server.Given(Request.Create().WithPath($"/v1/tracking/{number}").UsingGet())
            .WithGuid(StableGuid(number))
            .WithTitle($"tracking {number}")
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", StubJson.ContentType).WithBody(StubJson.Body(answer)));
        return answer;
    }

    public void Reset()
    {
        lock (_gate)
        {
            foreach (var number in _history.Keys)
            {
                server.DeleteMapping(StableGuid(number));
            }
            _history.Clear();
        }
    }

    private static string Describe(string status) => status switch
    {
        "label_created" => "Shipping label created, carrier awaiting item",
        "in_transit" => "In transit",
        "out_for_delivery" => "Out for delivery",
        "delivered" => "Delivered",
        "exception" => "Delivery exception",
        _ => "Returned to sender",
    };

    private static Guid StableGuid(string number) => new(SHA256.HashData(Encoding.UTF8.GetBytes("tracking:" + number)).AsSpan(0, 16));

    /// <summary>Midnight UTC <paramref name="days"/> days after <paramref name="at"/>: an estimated delivery day.</summary>
    private static DateTimeOffset DaysAfter(DateTimeOffset at, int days) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(days);

    [GeneratedRegex("^[A-Za-z0-9]{8,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrackingNumber();
}
