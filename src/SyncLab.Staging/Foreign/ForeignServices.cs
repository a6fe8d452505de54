using SyncLab.MirrorKit.Clock;

namespace SyncLab.Staging.Foreign;

/// <summary>
/// The services a staging fakes because SyncLab does not mirror them: a tax-rate service, a carrier's
/// tracking API and an address validator, each a WireMock.Net server on its own port, answering on the
/// business clock and faultable through <c>/_synclab/foreign/{service}/faults</c> on the engine's address.
/// </summary>
public sealed class ForeignServices : IDisposable
{
    public const string Tax = "tax";
    public const string Carrier = "carrier";
    public const string AddressValidator = "address";

    private readonly Dictionary<string, ForeignService> _services = new(StringComparer.Ordinal);

    private ForeignServices(TaxRateTable taxRates)
    {
        TaxRates = taxRates;
    }

    public TaxRateTable TaxRates { get; }

    public CarrierTrackingStub Tracking { get; private set; } = null!;

    public IReadOnlyDictionary<string, ForeignService> Services => _services;

    public ForeignService? Find(string name) => _services.GetValueOrDefault(name);

    /// <param name="url">The listen URL for a port offset from the staging's base port (5, 6, 7).</param>
    public static ForeignServices Start(ForeignServicesOptions options, string bindHost, Func<int, string> url, BusinessClock clock)
    {
        var foreign = new ForeignServices(new TaxRateTable(options.TaxRates));
        try
        {
            var tax = foreign.Add(ForeignService.Start(Tax, "tax rates: GET /v1/rates?postal_code=&country=US", url(5), bindHost, clock, options.FaultSeed));
            TaxRateStub.Map(tax.Server, foreign.TaxRates, clock);

            var carrier = foreign.Add(ForeignService.Start(Carrier, "carrier tracking: GET /v1/tracking/{trackingNumber}", url(6), bindHost, clock, options.FaultSeed));
            foreign.Tracking = new CarrierTrackingStub(carrier.Server, clock);
            foreign.Tracking.Map();

            var address = foreign.Add(ForeignService.Start(AddressValidator, "address validation: POST /v1/addresses/validate", url(7), bindHost, clock, options.FaultSeed));
            AddressValidatorStub.Map(address.Server);
            return foreign;
        }
        catch
        {
            foreign.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var service in _services.Values)
        {
            service.Dispose();
        }
        _services.Clear();
    }

    private ForeignService Add(ForeignService service)
    {
        _services[service.Name] = service;
        return service;
    }
}
