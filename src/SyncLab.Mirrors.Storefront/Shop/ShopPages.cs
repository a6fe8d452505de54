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
/// The shopper's view, server-rendered HTML with stable <c>data-testid</c>s for browser tests:
/// <c>GET /</c> lists active products, <c>GET /products/{handle}</c> shows price, compare-at price and stock,
/// and a form that adds the product to the cart (<see cref="CartPages"/>).
/// </summary>
public static class ShopPages
{
    public static IEndpointRouteBuilder MapShopPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", CatalogueAsync);
        app.MapGet("/products/{handle}", ProductAsync);
        return app;
    }

    private static async Task<IResult> CatalogueAsync(StorefrontDb db, BusinessEstate estate, StorefrontMirrorSettings settings, string? after, CancellationToken ct)
    {
        var page = await new CatalogReader(db).ProductsAsync(
            SearchQuery.Parse("status:active"), new PageRequest(settings.CataloguePageSize, Cursors.Decode(after)), ct);
        var html = new StringBuilder();
        html.Append("<h1>Catalogue</h1><ul class=\"catalogue\" data-testid=\"catalogue\">");
        foreach (var product in page.Items)
        {
            var variant = product.Variants.FirstOrDefault();
            html.Append(CultureInfo.InvariantCulture, $"<li data-testid=\"product-card\"><a href=\"/products/{Url(product.Row.Handle)}\">{Text(product.Row.Title)}</a> ");
            if (variant is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"price\">{Text(Price(variant.Row.Price, estate))}</span>");
            }
            html.Append("</li>");
        }
        html.Append("</ul>");
        if (page.HasNextPage)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a data-testid=\"next-page\" href=\"/?after={Url(page.Cursor(page.Items[^1]))}\">Next page</a>");
        }
        return Page("Catalogue", html.ToString());
    }

    private static async Task<IResult> ProductAsync(string handle, StorefrontDb db, BusinessEstate estate, StorefrontMirrorSettings settings, CancellationToken ct)
    {
        var product = await new CatalogReader(db).ProductByHandleAsync(handle, ct);
        if (product is null || product.Row.Status == ProductStatuses.Draft)
        {
            return NotFound();
        }
        var variant = product.Variants.FirstOrDefault();
        var total = product.TotalAvailable;
        var flaggedLow = product.Row.Tags.Split(',', StringSplitOptions.TrimEntries).Contains(settings.LowStockTag, StringComparer.OrdinalIgnoreCase);
        var continues = variant?.Row.InventoryPolicy == InventoryPolicies.Continue;
        var message = StockMessage.For(product.Row.Status, total, settings.LowStockThreshold, flaggedLow, continues);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<article data-testid=\"product\" data-status=\"{Text(product.Row.Status)}\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 data-testid=\"title\">{Text(product.Row.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"vendor\" data-testid=\"vendor\">{Text(product.Row.Vendor)}</p>");
        if (variant is not null)
        {
            html.Append("<p class=\"prices\">");
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"price\" data-testid=\"price\">{Text(Price(variant.Row.Price, estate))}</span>");
            // Themes show the compare-at price only when it is above the price (a markdown, e.g. clearance).
            if (variant.Row.CompareAtPrice is { } compareAt && compareAt > variant.Row.Price)
            {
                html.Append(CultureInfo.InvariantCulture, $" <s class=\"compare-at\" data-testid=\"compare-at-price\">{Text(Price(compareAt, estate))}</s>");
                html.Append(" <span class=\"badge\" data-testid=\"sale-badge\">Sale</span>");
            }
            html.Append("</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"sku\" data-testid=\"sku\">SKU: {Text(variant.Row.Sku ?? string.Empty)}</p>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"stock\" data-testid=\"stock-message\">{Text(message)}</p>");
        var disabled = variant is not null && StockMessage.Purchasable(product.Row.Status, total, continues) ? string.Empty : " disabled";
        html.Append("<form method=\"post\" action=\"/cart/add\" data-testid=\"add-to-cart-form\">");
        if (variant is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"variantId\" value=\"{variant.Row.Id}\">");
        }
        html.Append(CultureInfo.InvariantCulture, $"<label>Quantity <input type=\"number\" name=\"quantity\" value=\"1\" min=\"1\" data-testid=\"quantity\"{disabled}></label>");
        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" data-testid=\"add-to-cart\"{disabled}>Add to cart</button></form>");
        html.Append("</article><p><a href=\"/\">Back to the catalogue</a></p>");
        return Page(product.Row.Title, html.ToString());
    }
}
