using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using SyncLab.Estate;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>What every shopper page shares: the page frame, HTML and URL encoding, how prices read.</summary>
public static class ShopLayout
{
    /// <summary>"$12.50" for USD, "12.50 EUR" otherwise.</summary>
    public static string Price(decimal amount, BusinessEstate estate) => Price(amount, estate.Options.Currency);

    public static string Price(decimal amount, string currency)
    {
        var text = amount.ToString("0.00", CultureInfo.InvariantCulture);
        return currency == "USD" ? "$" + text : $"{text} {currency}";
    }

    public static string Text(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string Url(string value) => UrlEncoder.Default.Encode(value);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
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
        .stock { margin-top: 1rem; } .catalogue li { margin: .3rem 0; } .errors { color: #a00; }
        label { display: block; margin: .4rem 0; } table { border-collapse: collapse; } td, th { padding: .2rem .6rem; text-align: left; }
        </style>
        </head>
        <body>
        <header><a href="/">SyncLab Staging Store</a> · <a href="/cart" data-testid="cart-link">Cart</a></header>
        <main>{{body}}</main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        Encoding.UTF8,
        status);

    public static IResult NotFound() =>
        Page("Not found", "<h1>Page not found</h1><p>The page you were looking for does not exist.</p>", StatusCodes.Status404NotFound);

    /// <summary>After a form post, the browser is sent on with a GET: 303 See Other (post/redirect/get).</summary>
    public static IResult SeeOther(string location) => new SeeOtherResult(location);

    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
