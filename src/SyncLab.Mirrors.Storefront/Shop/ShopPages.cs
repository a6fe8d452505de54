using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncLab.Estate;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Data;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>
/// The shopper's view, server-rendered HTML with stable <c>data-testid</c>s for browser tests:
/// <c>GET /</c> lists active products, <c>GET /products/{handle}</c> shows price, compare-at price and stock.
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
            return Page("Not found", "<h1>Page not found</h1><p>The page you were looking for does not exist.</p>", StatusCodes.Status404NotFound);
        }
        var variant = product.Variants.FirstOrDefault();
        var total = product.TotalAvailable;
        var message = StockMessage.For(product.Row.Status, total, settings.LowStockThreshold);
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
        var disabled = StockMessage.Purchasable(product.Row.Status, total) ? string.Empty : " disabled";
        html.Append(CultureInfo.InvariantCulture, $"<button type=\"button\" data-testid=\"add-to-cart\"{disabled}>Add to cart</button>");
        html.Append("</article><p><a href=\"/\">Back to the catalogue</a></p>");
        return Page(product.Row.Title, html.ToString());
    }

    /// <summary>"$12.50" for USD, "12.50 EUR" otherwise.</summary>
    public static string Price(decimal amount, BusinessEstate estate)
    {
        var text = amount.ToString("0.00", CultureInfo.InvariantCulture);
        return estate.Options.Currency == "USD" ? "$" + text : $"{text} {estate.Options.Currency}";
    }

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Url(string value) => UrlEncoder.Default.Encode(value);

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $$"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Text(title)}} – SyncLab Staging Store</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        .price { font-weight: 600; } .compare-at { color: #777; } .badge { background: #c00; color: #fff; padding: 0 .4rem; border-radius: .2rem; }
        .stock { margin-top: 1rem; } .catalogue li { margin: .3rem 0; }
        </style>
        </head>
        <body>
        <header><a href="/">SyncLab Staging Store</a></header>
        <main>{{body}}</main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);
}
