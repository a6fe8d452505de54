using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>
/// A shopper's cart, kept in a cookie (<c>token.variantIdxquantity_…</c>, characters a cookie takes as they are): it survives a shop reset harmlessly
/// and needs no storage. The token is the checkout token: placing the order with it twice places it once.
/// </summary>
public sealed record Cart(string Token, IReadOnlyList<(long VariantId, int Quantity)> Lines)
{
    public const string Cookie = "synclab_cart";

    public bool IsEmpty => Lines.Count == 0;

    public int QuantityOf(long variantId) => Lines.Where(l => l.VariantId == variantId).Sum(l => l.Quantity);

    /// <summary>The cart with the variant's quantity set (0 removes it); order of lines kept.</summary>
    public Cart With(long variantId, int quantity)
    {
        var lines = Lines.Where(l => l.VariantId != variantId).ToList();
        if (quantity > 0)
        {
            var at = Lines.ToList().FindIndex(l => l.VariantId == variantId);
            lines.Insert(at >= 0 ? at : lines.Count, (variantId, quantity));
        }
        return this with { Lines = lines };
    }

    public string Format() =>
        Token + "." + string.Join('_', Lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.VariantId}x{l.Quantity}")));

    /// <summary>The cart the cookie holds; a new empty one (new token) when there is none or it is unreadable.</summary>
    public static Cart Parse(string? cookie)
    {
        var parts = cookie?.Split('.', 2);
        if (parts is not [{ Length: > 0 } token, var body])
        {
            return New();
        }
        var lines = new List<(long, int)>();
        foreach (var item in body.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = item.Split('x');
            if (pair.Length == 2
                && long.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
                && quantity > 0)
            {
                lines.Add((id, quantity));
            }
        }
        return new Cart(token, lines);
    }

    public static Cart New() => new(Guid.NewGuid().ToString("N"), []);

    public static Cart Of(HttpRequest request) => Parse(request.Cookies[Cookie]);

    public void Save(HttpResponse response) =>
        response.Cookies.Append(Cookie, Format(), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/" });

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Cookie, new CookieOptions { Path = "/" });
}
