using SyncLab.Estate;

namespace SyncLab.Specs.Drivers;

/// <summary>Names a scenario gives to estate items ("the mug"), so steps read like the business.</summary>
public sealed class ScenarioItems(StagingConnection staging)
{
    private readonly Dictionary<string, string> _numbers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Takes the next clean web item no other name in this scenario has.</summary>
    public Item TakeWebItem(string alias)
    {
        var taken = _numbers.Values.ToHashSet(StringComparer.Ordinal);
        var item = staging.Estate.Items.FirstOrDefault(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku && !taken.Contains(i.Number))
            ?? throw new InvalidOperationException("the estate has no more clean web items; seed a larger one");
        _numbers[alias] = item.Number;
        return item;
    }

    /// <summary>Takes a web item whose ERP number the office keyed with drift (case or trailing spaces).</summary>
    public Item TakeDriftedWebItem(string alias)
    {
        var item = staging.Estate.Items.FirstOrDefault(i => i.WebEnabled && !i.Blocked && i.Number != i.Sku && !_numbers.ContainsValue(i.Number))
            ?? throw new InvalidOperationException("the estate has no web item with a drifted ERP number; seed a larger one");
        _numbers[alias] = item.Number;
        return item;
    }

    public void Name(string alias, string number) => _numbers[alias] = number;

    /// <summary>The ERP number an alias stands for; a literal number stands for itself.</summary>
    public string Number(string aliasOrNumber) => _numbers.GetValueOrDefault(aliasOrNumber, aliasOrNumber);

    /// <summary>The SKU the storefront knows: the ERP number, trimmed and upper case.</summary>
    public string Sku(string aliasOrNumber) => Number(aliasOrNumber).Trim().ToUpperInvariant();
}
