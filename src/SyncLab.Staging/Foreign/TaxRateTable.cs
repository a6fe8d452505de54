namespace SyncLab.Staging.Foreign;

/// <summary>The tax service's rates: the longest matching prefix, and of its rates the latest one already in force.</summary>
public sealed class TaxRateTable(IEnumerable<TaxRate> rates)
{
    private readonly Lock _gate = new();
    private readonly List<TaxRate> _rates = [.. rates];

    public IReadOnlyList<TaxRate> All
    {
        get { lock (_gate) { return [.. _rates]; } }
    }

    public void Add(TaxRate rate)
    {
        lock (_gate)
        {
            _rates.Add(rate);
        }
    }

    /// <summary>The rate in force for <paramref name="postalCode"/> at business instant <paramref name="at"/>, if any.</summary>
    public TaxRate? Lookup(string postalCode, DateTimeOffset at)
    {
        lock (_gate)
        {
            return _rates
                .Where(r => postalCode.StartsWith(r.PostalPrefix, StringComparison.Ordinal) && r.EffectiveFrom <= at)
                .OrderByDescending(r => r.PostalPrefix.Length)
                .ThenByDescending(r => r.EffectiveFrom)
                .FirstOrDefault();
        }
    }
}
