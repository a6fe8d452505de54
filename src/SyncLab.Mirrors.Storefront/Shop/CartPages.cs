using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncLab.Estate;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;
using static SyncLab.Mirrors.Storefront.Shop.ShopLayout;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>
/// The cart: <c>POST /cart/add</c> (from the product page), <c>GET /cart</c>, <c>POST /cart/update</c> (change a
/// quantity, 0 removes). A shopper cannot put more in the cart than the shop has ("Only N left"), nor a product
/// that is archived or out of stock; checkout checks again, under the shop's write lock.
/// </summary>
public static class CartPages
{
    public static IEndpointRouteBuilder MapCartPages(this IEndpointRouteBuilder app)
    {
        // Forms are read by hand (ReadFormAsync), not bound: a staging shop has no anti-forgery tokens to check.
        app.MapPost("/cart/add", AddAsync);
        app.MapGet("/cart", ShowAsync);
        app.MapPost("/cart/update", UpdateAsync);
        return app;
    }

    /// <summary>A cart line as the shopper sees it now: null variant when it is no longer sold.</summary>
    public sealed record CartLine(long VariantId, int Quantity, VariantNode? Variant)
    {
        public decimal Total => (Variant?.Row.Price ?? 0) * Quantity;
    }

    public static async Task<List<CartLine>> LinesAsync(Cart cart, StorefrontDb db, CancellationToken ct)
    {
        var variants = await new CatalogReader(db).VariantsByIdAsync(cart.Lines.Select(l => l.VariantId).ToHashSet(), ct);
        return cart.Lines.Select(l => new CartLine(l.VariantId, l.Quantity, variants.GetValueOrDefault(l.VariantId))).ToList();
    }

    private static async Task<IResult> AddAsync(HttpContext http, StorefrontDb db, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var cart = Cart.Of(http.Request);
        if (!long.TryParse(form["variantId"], NumberStyles.None, CultureInfo.InvariantCulture, out var variantId)
            || (await new CatalogReader(db).VariantAsync(variantId, ct)) is not { } variant
            || variant.Product.Row.Status == ProductStatuses.Draft)
        {
            return SeeOther("/cart?error=" + Url("That product is not sold in this shop."));
        }
        var quantity = int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q > 0 ? q : 1;
        var name = variant.Product.Row.Title;
        string? error = null;
        var wanted = cart.QuantityOf(variantId) + quantity;
        if (variant.Product.Row.Status != ProductStatuses.Active)
        {
            error = $"{name} is no longer available.";
            wanted = 0;
        }
        else if (variant.Row.InventoryPolicy == InventoryPolicies.Continue)
        {
            // Sold when out of stock (backorder, pre-order): the cart takes what the shopper asks for.
        }
        else if (variant.Available <= 0)
        {
            error = $"{name} is out of stock.";
            wanted = 0;
        }
        else if (wanted > variant.Available)
        {
            error = $"Only {variant.Available} left of {name}: the cart holds {variant.Available}.";
            wanted = variant.Available;
        }
        if (wanted > 0)
        {
            cart.With(variantId, wanted).Save(http.Response);
        }
        return SeeOther(error is null ? "/cart" : "/cart?error=" + Url(error));
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var cart = Cart.Of(http.Request);
        if (long.TryParse(form["variantId"], NumberStyles.None, CultureInfo.InvariantCulture, out var variantId))
        {
            var quantity = int.TryParse(form["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : 0;
            cart.With(variantId, quantity).Save(http.Response);
        }
        return SeeOther("/cart");
    }

    private static async Task<IResult> ShowAsync(HttpContext http, StorefrontDb db, BusinessEstate estate, string? error, CancellationToken ct)
    {
        var cart = Cart.Of(http.Request);
        var html = new StringBuilder("<h1>Your cart</h1>");
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"errors\" data-testid=\"cart-error\">{Text(error)}</p>");
        }
        var lines = await LinesAsync(cart, db, ct);
        if (lines.Count == 0)
        {
            html.Append("<p data-testid=\"cart-empty\">Your cart is empty.</p><p><a href=\"/\">Continue shopping</a></p>");
            return Page("Your cart", html.ToString());
        }
        html.Append("<table data-testid=\"cart\"><tr><th>Product</th><th>SKU</th><th>Price</th><th>Quantity</th><th>Total</th></tr>");
        foreach (var line in lines)
        {
            var v = line.Variant;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-testid=\"cart-line\" data-sku=\"{Text(v?.Row.Sku)}\">");
            html.Append(CultureInfo.InvariantCulture, $"<td data-testid=\"cart-line-title\">{Text(v?.Product.Row.Title ?? "No longer available")}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td>{Text(v?.Row.Sku)}</td><td>{Text(v is null ? "" : Price(v.Row.Price, estate))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td><form method=\"post\" action=\"/cart/update\"><input type=\"hidden\" name=\"variantId\" value=\"{line.VariantId}\">");
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"number\" name=\"quantity\" min=\"0\" value=\"{line.Quantity}\" data-testid=\"cart-line-quantity\"> ");
            html.Append("<button type=\"submit\">Update</button></form></td>");
            html.Append(CultureInfo.InvariantCulture, $"<td data-testid=\"cart-line-total\">{Text(Price(line.Total, estate))}</td></tr>");
            if (v is not null && StockMessage.For(v.Product.Row.Status, v.Available, int.MaxValue) is var message && line.Quantity > v.Available)
            {
                var active = v.Product.Row.Status == ProductStatuses.Active;
                var warning = active && v.Row.InventoryPolicy == InventoryPolicies.Continue
                    ? $"{line.Quantity - Math.Max(0, v.Available)} of these ship when back in stock."
                    : v.Available > 0 && active ? $"Only {v.Available} left." : message;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"5\" class=\"errors\" data-testid=\"line-warning\">{Text(warning)}</td></tr>");
            }
        }
        html.Append("</table>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Subtotal: <span class=\"price\" data-testid=\"cart-subtotal\">{Text(Price(lines.Sum(l => l.Total), estate))}</span></p>");
        html.Append("<p><a href=\"/checkout\" data-testid=\"checkout\">Check out</a> · <a href=\"/\">Continue shopping</a></p>");
        return Page("Your cart", html.ToString());
    }
}
