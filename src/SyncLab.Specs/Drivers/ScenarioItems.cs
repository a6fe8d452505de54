using SyncLab.Estate;

namespace SyncLab.Specs.Drivers;

/// <summary>Names a scenario gives to estate items ("the mug"), so steps read like the business.</summary>
public sealed class ScenarioItems(StagingConnection staging, StorefrontDriver storefront, ErpDriver erp)
{
    private const int SharedMinimumStock = 10;

    private readonly Dictionary<string, string> _numbers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Takes a clean web item no other name in this scenario has: the first ones on a fresh staging; on a
    /// shared one, items from a place in the estate of this run's own, with stock to sell, so scenarios
    /// running there one after another do not trip over what the others left behind.
    /// </summary>
    public async Task<Item> TakeWebItemAsync(string alias)
    {
        var taken = _numbers.Values.ToHashSet(StringComparer.Ordinal);
        var candidates = staging.Estate.Items.Where(i => i.WebEnabled && !i.Blocked && i.Number == i.Sku && !taken.Contains(i.Number)).ToList();
        if (staging.IsShared && candidates.Count > 0)
        {
            var start = new Random(StringComparer.Ordinal.GetHashCode(staging.RunToken)).Next(candidates.Count);
            candidates = [.. candidates.Skip(start), .. candidates.Take(start)];
        }
        foreach (var item in candidates)
        {
            if (staging.IsShared && !await StillSellableAsync(item))
            {
                continue;
            }
            _numbers[alias] = item.Number;
            return item;
        }
        throw new InvalidOperationException("the estate has no more clean web items to take; seed a larger one");
    }

    /// <summary>On a shared staging an earlier scenario may have sold it out or blocked it in the ERP.</summary>
    private async Task<bool> StillSellableAsync(Item item) =>
        (await storefront.VariantAsync(item.Sku))?.Available >= SharedMinimumStock
        && (bool?)(await erp.ItemAsync(item.Number))["blocked"] == false;

    /// <summary>The number for an item a scenario creates: as written on a fresh staging, made this run's own on a shared one.</summary>
    public string NewItemNumber(string number)
    {
        var own = staging.IsShared ? $"{number}-{staging.RunToken.ToUpperInvariant()}" : number;
        _numbers[number] = own;
        return own;
    }

    /// <summary>A shopper's e-mail: as written on a fresh staging, made this run's own on a shared one.</summary>
    public string Shopper(string aliasOrEmail)
    {
        if (_numbers.TryGetValue(aliasOrEmail, out var known))
        {
            return known;
        }
        var at = aliasOrEmail.IndexOf('@', StringComparison.Ordinal);
        var email = staging.IsShared && at > 0 ? $"{aliasOrEmail[..at]}+{staging.RunToken}{aliasOrEmail[at..]}" : aliasOrEmail;
        _numbers[aliasOrEmail] = email;
        return email;
    }

    /// <summary>Takes a web item whose ERP number the office keyed with drift (case or trailing spaces).</summary>
    public Item TakeDriftedWebItem(string alias)
    {
        var item = staging.Estate.Items.FirstOrDefault(i => i.WebEnabled && !i.Blocked && i.Number != i.Sku && !_numbers.ContainsValue(i.Number))
            ?? throw new InvalidOperationException("the estate has no web item with a drifted ERP number; seed a larger one");
        _numbers[alias] = item.Number;
        return item;
    }

    /// <summary>
    /// Takes an item the office created before the ERP upgrade (brand still in Description 2) and never put
    /// on the web; on a shared staging, from a place in the estate of this run's own.
    /// </summary>
    public Item TakeOldItemOffTheWeb(string alias)
    {
        var upgrade = staging.Estate.Options.UpgradeDate;
        var candidates = staging.Estate.Items
            .Where(i => !i.WebEnabled && !i.Blocked && i.Description2.Length > 0 && DateOnly.FromDateTime(i.CreatedAt.UtcDateTime) < upgrade && !_numbers.ContainsValue(i.Number))
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException("the estate has no item from before the upgrade that is off the web; seed a larger one");
        }
        var item = candidates[staging.IsShared ? new Random(StringComparer.Ordinal.GetHashCode(staging.RunToken)).Next(candidates.Count) : 0];
        _numbers[alias] = item.Number;
        return item;
    }

    /// <summary>The estate item an alias stands for.</summary>
    public Item Item(string alias) => staging.Estate.Items.First(i => i.Number == Number(alias));

    public void Name(string alias, string number) => _numbers[alias] = number;

    /// <summary>The ERP number an alias stands for; a literal number stands for itself.</summary>
    public string Number(string aliasOrNumber) => _numbers.GetValueOrDefault(aliasOrNumber, aliasOrNumber);

    /// <summary>The SKU the storefront knows: the ERP number, trimmed and upper case.</summary>
    public string Sku(string aliasOrNumber) => Number(aliasOrNumber).Trim().ToUpperInvariant();
}
