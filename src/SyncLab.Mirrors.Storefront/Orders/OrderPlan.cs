using System.Globalization;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>One line a shopper asks for: by SKU (business action) or variant id (cart).</summary>
public sealed record OrderLineInput(string? Sku, long? VariantId, int Quantity);

/// <summary>A shipping address as checkout collects it.</summary>
public sealed record AddressInput(
    string? FirstName, string? LastName, string? Company, string? Address1, string? Address2, string? City,
    string? ProvinceCode, string? Zip, string? CountryCode, string? Phone);

/// <summary>Why an order cannot be placed: a stable code, a message a shopper understands, and what it is about.</summary>
public sealed record OrderProblem(string Code, string Message, string? Field = null, string? Sku = null);

/// <summary>A variant as checkout sees it: its product, and what each selling location has available.</summary>
public sealed record StockedVariant(VariantRecord Variant, ProductRecord Product, IReadOnlyList<(long LocationId, int Available)> Levels)
{
    public int Available => Levels.Sum(l => Math.Max(0, l.Available));

    /// <summary>Inventory policy CONTINUE: sold beyond what is there (backorders, pre-orders); available goes below zero.</summary>
    public bool SoldWhenOutOfStock => Variant.InventoryPolicy == InventoryPolicies.Continue;
}

public sealed record PlannedLine(StockedVariant Item, int Quantity, decimal Tax, IReadOnlyList<(long LocationId, int Quantity)> Allocation)
{
    public decimal Subtotal => Item.Variant.Price * Quantity;
}

/// <summary>What the order will be, or why it cannot be.</summary>
public sealed record OrderPlan(IReadOnlyList<OrderProblem> Problems, IReadOnlyList<PlannedLine> Lines, decimal Subtotal, decimal Tax, decimal Shipping)
{
    public decimal Total => Subtotal + Tax + Shipping;

    public bool Rejected => Problems.Count > 0;
}

/// <summary>The checkout's decision, pure: validation, stock checks, allocation to locations and prices.</summary>
public static class OrderPlanner
{
    public sealed record Pricing(decimal TaxRate, decimal ShippingPrice);

    public static OrderPlan Decide(string? email, AddressInput? address, IReadOnlyList<OrderLineInput> lines, Func<OrderLineInput, StockedVariant?> find, Pricing pricing)
    {
        var problems = new List<OrderProblem>();
        if (!IsEmail(email))
        {
            problems.Add(new OrderProblem("INVALID_EMAIL", "Enter a valid email address.", "email"));
        }
        problems.AddRange(CheckAddress(address));
        if (lines.Count == 0)
        {
            problems.Add(new OrderProblem("EMPTY_CART", "The cart is empty.", "lines"));
        }

        // The same variant asked for twice is one line of the summed quantity, as a cart merges it.
        var wanted = new List<(StockedVariant Item, int Quantity)>();
        foreach (var line in lines)
        {
            var label = line.Sku ?? line.VariantId?.ToString(CultureInfo.InvariantCulture) ?? "?";
            if (line.Quantity < 1)
            {
                problems.Add(new OrderProblem("INVALID_QUANTITY", $"{label}: the quantity must be at least 1.", "quantity", line.Sku));
                continue;
            }
            // Draft products are not on sale: to a shopper they do not exist.
            if (find(line) is not { } item || item.Product.Status == ProductStatuses.Draft)
            {
                problems.Add(new OrderProblem("NOT_FOUND", $"{label} is not sold in this shop.", "sku", line.Sku));
                continue;
            }
            var at = wanted.FindIndex(w => w.Item.Variant.Id == item.Variant.Id);
            if (at >= 0)
            {
                wanted[at] = (item, wanted[at].Quantity + line.Quantity);
            }
            else
            {
                wanted.Add((item, line.Quantity));
            }
        }

        var planned = new List<PlannedLine>();
        foreach (var (item, quantity) in wanted)
        {
            var name = $"{item.Product.Title} ({item.Variant.Sku})";
            if (item.Product.Status == ProductStatuses.Archived)
            {
                problems.Add(new OrderProblem("NO_LONGER_AVAILABLE", $"{name} is no longer available.", "sku", item.Variant.Sku));
                continue;
            }
            if (item.Available <= 0 && !item.SoldWhenOutOfStock)
            {
                problems.Add(new OrderProblem("OUT_OF_STOCK", $"{name} is out of stock.", "sku", item.Variant.Sku));
                continue;
            }
            if (quantity > item.Available && !item.SoldWhenOutOfStock)
            {
                problems.Add(new OrderProblem("NOT_ENOUGH_STOCK", $"Only {item.Available} left of {name}; {quantity} were asked for.", "quantity", item.Variant.Sku));
                continue;
            }
            var tax = Math.Round(item.Variant.Price * quantity * pricing.TaxRate, 2, MidpointRounding.AwayFromZero);
            planned.Add(new PlannedLine(item, quantity, tax, Allocate(item, quantity)));
        }
        if (problems.Count > 0)
        {
            return new OrderPlan(problems, [], 0, 0, 0);
        }
        return new OrderPlan([], planned, planned.Sum(l => l.Subtotal), planned.Sum(l => l.Tax), pricing.ShippingPrice);
    }

    /// <summary>
    /// Takes units from the selling locations in location order (Shopify's default routing ranks locations by priority);
    /// what none of them has (a variant sold when out of stock) is owed by the first, whose available goes below zero.
    /// </summary>
    public static IReadOnlyList<(long LocationId, int Quantity)> Allocate(StockedVariant item, int quantity)
    {
        var allocation = new List<(long, int)>();
        var left = quantity;
        foreach (var (locationId, available) in item.Levels)
        {
            if (left == 0)
            {
                break;
            }
            var take = Math.Min(left, Math.Max(0, available));
            if (take > 0)
            {
                allocation.Add((locationId, take));
                left -= take;
            }
        }
        if (left > 0 && item.Levels.Count > 0)
        {
            var first = item.Levels[0].LocationId;
            var at = allocation.FindIndex(a => a.Item1 == first);
            allocation = at < 0 ? [(first, left), .. allocation] : [.. allocation.Select((a, i) => i == at ? (a.Item1, a.Item2 + left) : a)];
        }
        return allocation;
    }

    public static IEnumerable<OrderProblem> CheckAddress(AddressInput? a)
    {
        if (a is null)
        {
            yield return new OrderProblem("ADDRESS_REQUIRED", "Enter a shipping address.", "shippingAddress");
            yield break;
        }
        if (string.IsNullOrWhiteSpace(a.LastName))
        {
            yield return new OrderProblem("BLANK", "Enter a last name.", "shippingAddress.lastName");
        }
        if (string.IsNullOrWhiteSpace(a.Address1))
        {
            yield return new OrderProblem("BLANK", "Enter an address.", "shippingAddress.address1");
        }
        if (string.IsNullOrWhiteSpace(a.City))
        {
            yield return new OrderProblem("BLANK", "Enter a city.", "shippingAddress.city");
        }
        if (string.IsNullOrWhiteSpace(a.Zip))
        {
            yield return new OrderProblem("BLANK", "Enter a ZIP / postal code.", "shippingAddress.zip");
        }
        if (a.CountryCode is not { } country || !Countries.Names.ContainsKey(country))
        {
            yield return new OrderProblem("INVALID_COUNTRY", $"The shop does not ship to '{a.CountryCode}'.", "shippingAddress.countryCode");
        }
        else if (Countries.NeedsProvince(country) && Countries.Province(country, a.ProvinceCode) is null)
        {
            yield return new OrderProblem("INVALID_PROVINCE", $"Select a state / province ('{a.ProvinceCode}' is not one of {Countries.Names[country]}'s).", "shippingAddress.provinceCode");
        }
    }

    private static bool IsEmail(string? email)
    {
        var value = email?.Trim() ?? string.Empty;
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}
