using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Orders;
using static SyncLab.Mirrors.Storefront.Shop.ShopLayout;

namespace SyncLab.Mirrors.Storefront.Shop;

/// <summary>
/// Checkout: <c>GET /checkout</c> (contact, shipping address, marketing consent, order summary), <c>POST /checkout</c>
/// ("Place order": the same <see cref="PlaceOrder"/> use case as the business action, with the cart token as
/// idempotency key, so a double submit places one order) and the confirmation page <c>GET /orders/{token}</c>.
/// </summary>
public static class CheckoutPages
{
    private static readonly (string Name, string Label, string TestId, bool Required)[] Fields =
    [
        ("email", "Email", "email", true),
        ("firstName", "First name", "first-name", false),
        ("lastName", "Last name", "last-name", true),
        ("company", "Company", "company", false),
        ("address1", "Address", "address1", true),
        ("address2", "Apartment, suite, etc.", "address2", false),
        ("city", "City", "city", true),
        ("provinceCode", "State / province code", "province", false),
        ("zip", "ZIP / postal code", "zip", true),
        ("phone", "Phone", "phone", false),
    ];

    public static IEndpointRouteBuilder MapCheckoutPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/checkout", ShowAsync);
        app.MapPost("/checkout", PlaceAsync);
        app.MapGet("/orders/{token}", ConfirmationAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, ShopRequest shop, CancellationToken ct)
    {
        var cart = Cart.Of(http.Request);
        return cart.IsEmpty ? SeeOther("/cart") : await FormAsync(cart, shop, new Dictionary<string, string>(), [], StatusCodes.Status200OK, ct);
    }

    private static async Task<IResult> PlaceAsync(HttpContext http, ShopRequest shop, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var values = Fields.Select(f => f.Name).Append("countryCode").ToDictionary(n => n, n => form[n].ToString().Trim());
        var acceptsMarketing = form["acceptsMarketing"].Count > 0;
        var cart = Cart.Of(http.Request);
        var token = form["checkoutToken"].ToString() is { Length: > 0 } t ? t : cart.Token;
        string? V(string name) => values[name] is { Length: > 0 } v ? v : null;
        var request = new PlaceOrder.Request(
            V("email"),
            new AddressInput(V("firstName"), V("lastName"), V("company"), V("address1"), V("address2"), V("city"), V("provinceCode"), V("zip"), V("countryCode"), V("phone")),
            acceptsMarketing,
            cart.Lines.Select(l => new OrderLineInput(null, l.VariantId, l.Quantity)).ToList(),
            IdempotencyKey: "checkout-" + token,
            Phone: V("phone"));
        var result = await PlaceOrder.ExecuteAsync(shop, request, ct);
        if (result.Order is not { } order)
        {
            if (acceptsMarketing)
            {
                values["acceptsMarketing"] = "on";
            }
            return await FormAsync(cart, shop, values, result.Problems, StatusCodes.Status422UnprocessableEntity, ct);
        }
        Cart.Clear(http.Response);
        return SeeOther($"/orders/{order.Row.Token}");
    }

    private static async Task<IResult> FormAsync(
        Cart cart, ShopRequest shop, IReadOnlyDictionary<string, string> values, IReadOnlyList<OrderProblem> problems, int status, CancellationToken ct)
    {
        var currency = shop.Currency;
        var lines = await CartPages.LinesAsync(cart, shop.Db, ct);
        var html = new StringBuilder("<h1>Checkout</h1>");
        if (problems.Count > 0)
        {
            html.Append("<ul class=\"errors\" data-testid=\"checkout-errors\">");
            foreach (var problem in problems)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li data-testid=\"checkout-error\" data-code=\"{Text(problem.Code)}\">{Text(problem.Message)}</li>");
            }
            html.Append("</ul>");
        }
        html.Append("<form method=\"post\" action=\"/checkout\" data-testid=\"checkout-form\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"checkoutToken\" value=\"{Text(cart.Token)}\">");
        foreach (var (name, label, testId, required) in Fields)
        {
            var type = name == "email" ? "email" : name == "phone" ? "tel" : "text";
            html.Append(CultureInfo.InvariantCulture,
                $"<label>{Text(label)} <input type=\"{type}\" name=\"{name}\" value=\"{Text(values.GetValueOrDefault(name))}\" data-testid=\"{testId}\"{(required ? " required" : "")}></label>");
        }
        var country = values.GetValueOrDefault("countryCode") is { Length: > 0 } c ? c : "US";
        html.Append("<label>Country <select name=\"countryCode\" data-testid=\"country\">");
        foreach (var (code, name) in Countries.Names)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{code}\"{(code == country ? " selected" : "")}>{Text(name)}</option>");
        }
        html.Append("</select></label>");
        var consent = values.ContainsKey("acceptsMarketing") ? " checked" : string.Empty;
        html.Append(CultureInfo.InvariantCulture,
            $"<label><input type=\"checkbox\" name=\"acceptsMarketing\" value=\"on\" data-testid=\"accepts-marketing\"{consent}> Email me with news and offers</label>");

        var subtotal = lines.Sum(l => l.Total);
        var tax = lines.Sum(l => Math.Round(l.Total * shop.Settings.TaxRate, 2, MidpointRounding.AwayFromZero));
        var shipping = shop.Settings.ShippingPrice;
        html.Append("<h2>Order summary</h2><table data-testid=\"order-summary\">");
        foreach (var line in lines)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-testid=\"summary-line\"><td>{Text(line.Variant?.Product.Row.Title ?? "No longer available")}</td><td>× {line.Quantity}</td><td>{Text(Price(line.Total, currency))}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Subtotal</td><td></td><td data-testid=\"summary-subtotal\">{Text(Price(subtotal, currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Shipping ({Text(shop.Settings.ShippingTitle)})</td><td></td><td data-testid=\"summary-shipping\">{Text(Price(shipping, currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Text(shop.Settings.TaxTitle)}</td><td></td><td data-testid=\"summary-tax\">{Text(Price(tax, currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Total</th><td></td><th data-testid=\"summary-total\">{Text(Price(subtotal + tax + shipping, currency))}</th></tr>");
        html.Append("</table><p><button type=\"submit\" data-testid=\"place-order\">Place order</button></p></form>");
        return Page("Checkout", html.ToString(), status);
    }

    private static async Task<IResult> ConfirmationAsync(string token, ShopRequest shop, CancellationToken ct)
    {
        if (await shop.Orders.OrderByTokenAsync(token, ct) is not { } order)
        {
            return NotFound();
        }
        var o = order.Row;
        var html = new StringBuilder();
        var firstName = order.ShippingAddress?.FirstName ?? order.Customer?.Row.FirstName;
        html.Append(CultureInfo.InvariantCulture, $"<article data-testid=\"confirmation\"><h1>Thank you{(firstName is null ? "" : ", " + Text(firstName))}!</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Order <strong data-testid=\"order-name\">{Text(o.Name)}</strong> is confirmed.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>Confirmation <span data-testid=\"confirmation-number\">{Text(Webhooks.OrderPayloads.ConfirmationNumber(o.Token))}</span> · a receipt goes to <span data-testid=\"order-email\">{Text(o.Email)}</span>.</p>");
        if (o.CancelledAt is not null)
        {
            html.Append("<p class=\"errors\" data-testid=\"order-cancelled\">This order was cancelled.</p>");
        }
        html.Append("<table>");
        foreach (var line in order.Lines)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr data-testid=\"order-line\" data-sku=\"{Text(line.Row.Sku)}\"><td>{Text(line.Row.Title)}</td><td>× {line.Row.Quantity}</td><td>{Text(Price(line.Row.Price * line.Row.Quantity, o.Currency))}</td></tr>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Subtotal</td><td></td><td>{Text(Price(o.SubtotalPrice, o.Currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>Shipping</td><td></td><td>{Text(Price(o.TotalShipping, o.Currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Text(o.TaxTitle)}</td><td></td><td>{Text(Price(o.TotalTax, o.Currency))}</td></tr>");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Total</th><td></td><th data-testid=\"order-total\">{Text(Price(o.TotalPrice, o.Currency))}</th></tr></table>");
        if (order.ShippingAddress is { } a)
        {
            var formatted = string.Join("<br>", new[] { a.Name, a.Address1, a.Address2, $"{a.City} {a.ProvinceCode} {a.Zip}".Trim(), a.Country }
                .Where(s => !string.IsNullOrWhiteSpace(s)).Select(Text));
            html.Append(CultureInfo.InvariantCulture, $"<h2>Shipping address</h2><address data-testid=\"shipping-address\">{formatted}</address>");
        }
        html.Append("</article><p><a href=\"/\">Continue shopping</a></p>");
        return Page($"Order {o.Name}", html.ToString());
    }
}
