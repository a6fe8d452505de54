using System.Collections.Immutable;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>A sales tax rate the shop charges from an instant on (a new rate at local midnight).</summary>
public sealed record ScheduledTaxRate(decimal Rate, DateTimeOffset EffectiveFrom);

/// <summary>
/// The rate checkout charges at an instant: <see cref="StorefrontMirrorSettings.TaxRate"/> until the first scheduled
/// change, then the latest change in force (Shopify applies a jurisdiction's new rate from its effective time on).
/// Per shop; a reset forgets the changes.
/// </summary>
public sealed class TaxSchedule(StorefrontMirrorSettings settings)
{
    private ImmutableList<ScheduledTaxRate> _changes = [];

    public IReadOnlyList<ScheduledTaxRate> Changes => _changes;

    public decimal RateAt(DateTimeOffset at) =>
        _changes.Where(c => c.EffectiveFrom <= at).OrderBy(c => c.EffectiveFrom).LastOrDefault()?.Rate ?? settings.TaxRate;

    public void Schedule(ScheduledTaxRate change) =>
        ImmutableInterlocked.Update(ref _changes, list => list.RemoveAll(c => c.EffectiveFrom == change.EffectiveFrom).Add(change));

    public void Reset() => _changes = [];
}
