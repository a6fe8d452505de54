namespace SyncLab.Engine.Shoppers;

/// <summary>One shopper, one e-mail: trimmed and case-folded, so "Ann@Example.com " and "ann@example.com" are the same person.</summary>
public static class ShopperEmail
{
    public static string Normalise(string? email) => (email ?? string.Empty).Trim().ToLowerInvariant();

    public static bool Same(string? a, string? b) => Normalise(a).Length > 0 && Normalise(a) == Normalise(b);
}
