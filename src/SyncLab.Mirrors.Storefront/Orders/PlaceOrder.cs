using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// A shopper places an order: the checkout page and the <c>POST /_synclab/storefront/orders</c> business action
/// both come here. Payment is captured at once (PAID); stock moves from available to committed at the selling
/// locations; the customer is matched by e-mail or created; orders/create, orders/paid, customers/create|update
/// and inventory_levels/update are written to the outbox in the same unit of work.
/// </summary>
public static class PlaceOrder
{
    /// <param name="IdempotencyKey">The checkout token, or the caller's key: a second request with it returns the first order.</param>
    public sealed record Request(
        string? Email, AddressInput? ShippingAddress, bool AcceptsMarketing, IReadOnlyList<OrderLineInput> Lines,
        string? IdempotencyKey = null, string? Phone = null, string? Note = null);

    public sealed record Result(OrderNode? Order, bool Created, IReadOnlyList<OrderProblem> Problems);

    public static async Task<Result> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        request = request with { ShippingAddress = Normalize(request.ShippingAddress) };
        using var _ = await shop.WriteGate.EnterAsync(ct);
        if (request.IdempotencyKey is { Length: > 0 } key
            && await db.Orders.AsNoTracking().Where(o => o.SourceIdentifier == key).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct) is { } existingId)
        {
            return new Result(await shop.Orders.OrderAsync(existingId, ct), false, []);
        }

        var now = shop.Clock.GetUtcNow();
        var taxRate = shop.Taxes.RateAt(now);
        var inventory = new OrderInventory(shop);
        var stocked = await LoadStockAsync(shop, inventory, request.Lines, ct);
        var plan = OrderPlanner.Decide(
            request.Email, request.ShippingAddress, request.Lines,
            line => line.VariantId is { } id ? stocked.GetValueOrDefault(id) : stocked.Values.FirstOrDefault(s => s.Variant.Sku == Canonical(line.Sku)),
            new OrderPlanner.Pricing(taxRate, shop.Settings.ShippingPrice));
        if (plan.Rejected)
        {
            return new Result(null, false, plan.Problems);
        }

        var ids = new IdAllocator(db);
        var email = request.Email!.Trim().ToLowerInvariant();
        var address = request.ShippingAddress!;
        var (customer, customerCreated, consentChanged, customerAddresses) = await MatchCustomerAsync(shop, ids, email, address, request, now, ct);

        var rows = new OrderRows();
        var orderId = await ids.NextAsync<OrderRecord>(IdRanges.Order, ct);
        var number = shop.Settings.FirstOrderNumber + (int)(orderId - IdRanges.Order - 1);
        var shipTo = rows.Add(db, ToAddress(address, await ids.NextAsync<AddressRecord>(IdRanges.MailingAddress, ct), null, orderId));
        var order = rows.Add(db, new OrderRecord
        {
            Id = orderId,
            Number = number,
            Name = "#" + number.ToString(CultureInfo.InvariantCulture),
            Token = Token(shop.Settings.ShopDomain, orderId),
            SourceIdentifier = request.IdempotencyKey is { Length: > 0 } k ? k : null,
            Email = email,
            Phone = request.Phone ?? address.Phone,
            CustomerId = customer.Id,
            ShippingAddressId = shipTo.Id,
            BuyerAcceptsMarketing = request.AcceptsMarketing,
            Currency = shop.Currency,
            SubtotalPrice = plan.Subtotal,
            TotalTax = plan.Tax,
            TotalShipping = plan.Shipping,
            TotalPrice = plan.Total,
            TotalReceived = plan.Total,
            TaxRate = taxRate,
            TaxTitle = shop.Settings.TaxTitle,
            ShippingTitle = shop.Settings.ShippingTitle,
            Gateway = shop.Settings.PaymentGateway,
            Note = request.Note,
            CreatedAt = now,
            UpdatedAt = now,
            ProcessedAt = now,
        });
        rows.Add(db, new TransactionRecord
        {
            Id = await ids.NextAsync<TransactionRecord>(IdRanges.Transaction, ct),
            OrderId = orderId,
            Kind = "SALE",
            Gateway = order.Gateway,
            Amount = plan.Total,
            CreatedAt = now,
        });

        // One fulfillment order per location the units come from, as Shopify splits an order.
        var fulfillmentOrders = new Dictionary<long, FulfillmentOrderRecord>();
        var position = 0;
        foreach (var line in plan.Lines)
        {
            var v = line.Item.Variant;
            var lineRow = rows.Add(db, new OrderLineRecord
            {
                Id = await ids.NextAsync<OrderLineRecord>(IdRanges.LineItem, ct),
                OrderId = orderId,
                Position = ++position,
                VariantId = v.Id,
                ProductId = v.ProductId,
                InventoryItemId = v.InventoryItemId,
                Sku = v.Sku,
                Title = line.Item.Product.Title,
                VariantTitle = v.Title,
                Vendor = line.Item.Product.Vendor,
                Quantity = line.Quantity,
                Price = v.Price,
                TaxAmount = line.Tax,
            });
            foreach (var (locationId, quantity) in line.Allocation)
            {
                if (!fulfillmentOrders.TryGetValue(locationId, out var fo))
                {
                    fo = rows.Add(db, new FulfillmentOrderRecord
                    {
                        Id = await ids.NextAsync<FulfillmentOrderRecord>(IdRanges.FulfillmentOrder, ct),
                        OrderId = orderId,
                        LocationId = locationId,
                        CreatedAt = now,
                        UpdatedAt = now,
                    });
                    fulfillmentOrders[locationId] = fo;
                }
                rows.Add(db, new FulfillmentOrderLineRecord
                {
                    Id = await ids.NextAsync<FulfillmentOrderLineRecord>(IdRanges.FulfillmentOrderLineItem, ct),
                    FulfillmentOrderId = fo.Id,
                    LineItemId = lineRow.Id,
                    TotalQuantity = quantity,
                    RemainingQuantity = quantity,
                });
                inventory.Commit(inventory.Level(v.InventoryItemId, locationId)!, quantity, v.Sku);
            }
        }

        var node = (await shop.Orders.ComposeAsync(rows, ct, [customer], customerAddresses))[0];
        var customerNode = node.Customer!;
        await shop.Webhooks.EnqueueAsync(db, customerCreated ? WebhookTopics.CustomersCreate : WebhookTopics.CustomersUpdate,
            () => CustomerPayloads.Customer(customerNode, shop.Currency, shop.Clock), ct);
        if (consentChanged)
        {
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.CustomersEmailMarketingConsentUpdate, () => CustomerPayloads.EmailMarketingConsent(customer, shop.Clock), ct);
        }
        var payload = new Lazy<string>(() => OrderPayloads.Order(node, shop.Settings, shop.Clock));
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersCreate, () => payload.Value, ct);
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.OrdersPaid, () => payload.Value, ct);
        await inventory.EnqueueWebhooksAsync(ct);
        await db.SaveChangesAsync(ct);

        if (customerCreated)
        {
            shop.Ledger.RecordEffect($"customer {customer.Email} created ({Gid.Customer(customer.Id)})", "checkout");
        }
        shop.Ledger.RecordEffect($"order {order.Name} placed: {string.Join(", ", plan.Lines.Select(l => $"{l.Item.Variant.Sku} x{l.Quantity}"))}", "checkout");
        inventory.RecordEffects("checkout");
        shop.Webhooks.Notify();
        return new Result(node, true, []);
    }

    /// <summary>The status-page token: 32 hex digits, derived from the shop and the order id so that it is deterministic.</summary>
    public static string Token(string shopDomain, long orderId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{shopDomain}/orders/{orderId}"))))[..32];

    private static string? Canonical(string? sku) => sku?.Trim().ToUpperInvariant();

    private static async Task<Dictionary<long, StockedVariant>> LoadStockAsync(ShopRequest shop, OrderInventory inventory, IReadOnlyList<OrderLineInput> lines, CancellationToken ct)
    {
        var skus = lines.Select(l => Canonical(l.Sku)).OfType<string>().ToHashSet();
        var variantIds = lines.Select(l => l.VariantId).OfType<long>().ToHashSet();
        var variants = await shop.Db.Variants.AsNoTracking().Where(v => (v.Sku != null && skus.Contains(v.Sku)) || variantIds.Contains(v.Id)).ToListAsync(ct);
        var productIds = variants.Select(v => v.ProductId).ToHashSet();
        var products = await shop.Db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        await inventory.LoadAsync(variants.Select(v => v.InventoryItemId).ToHashSet(), ct);
        return variants.Where(v => products.ContainsKey(v.ProductId)).ToDictionary(
            v => v.Id,
            v => new StockedVariant(v, products[v.ProductId], inventory.SellingLevels(v.InventoryItemId).Select(l => (l.LocationId, l.Available)).ToList()));
    }

    /// <summary>
    /// The customer with this e-mail, or a new guest customer. Checkout fills names and phone it lacks, adds the
    /// shipping address if it is new to the customer, and subscribes it to e-mail marketing when the box is ticked
    /// (an unticked box never unsubscribes).
    /// </summary>
    private static async Task<(CustomerRecord Customer, bool Created, bool ConsentChanged, List<AddressRecord> Addresses)> MatchCustomerAsync(
        ShopRequest shop, IdAllocator ids, string email, AddressInput address, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var db = shop.Db;
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Email == email, ct);
        var created = customer is null;
        if (customer is null)
        {
            customer = new CustomerRecord { Id = await ids.NextAsync<CustomerRecord>(IdRanges.Customer, ct), Email = email, CreatedAt = now };
            db.Customers.Add(customer);
        }
        customer.FirstName ??= Blank(address.FirstName);
        customer.LastName ??= Blank(address.LastName);
        customer.Phone ??= Blank(request.Phone);
        customer.UpdatedAt = now;
        var consentChanged = false;
        if (request.AcceptsMarketing && customer.MarketingState != MarketingStates.Subscribed)
        {
            customer.MarketingState = MarketingStates.Subscribed;
            customer.MarketingOptInLevel = "SINGLE_OPT_IN";
            customer.ConsentUpdatedAt = now;
            consentChanged = true;
        }

        var addresses = await db.Addresses.AsNoTracking().Where(a => a.CustomerId == customer.Id).ToListAsync(ct);
        var candidate = ToAddress(address, 0, customer.Id, null);
        if (!addresses.Any(a => a.SamePlaceAs(candidate)))
        {
            var added = ToAddress(address, await ids.NextAsync<AddressRecord>(IdRanges.MailingAddress, ct), customer.Id, null);
            db.Addresses.Add(added);
            addresses.Add(added);
            customer.DefaultAddressId ??= added.Id;
        }
        return (customer, created, consentChanged, addresses);
    }

    internal static AddressInput? Normalize(AddressInput? a) => a is null ? null : a with
    {
        CountryCode = Blank(a.CountryCode)?.ToUpperInvariant(),
        ProvinceCode = Blank(a.ProvinceCode)?.ToUpperInvariant(),
    };

    internal static AddressRecord ToAddress(AddressInput a, long id, long? customerId, long? orderId)
    {
        var country = a.CountryCode;
        var province = a.ProvinceCode;
        return new AddressRecord
        {
            Id = id,
            CustomerId = customerId,
            OrderId = orderId,
            FirstName = Blank(a.FirstName),
            LastName = Blank(a.LastName),
            Company = Blank(a.Company),
            Address1 = Blank(a.Address1),
            Address2 = Blank(a.Address2),
            City = Blank(a.City),
            ProvinceCode = Blank(province),
            Province = country is null ? null : Countries.Province(country, Blank(province)),
            Zip = Blank(a.Zip),
            CountryCode = country,
            Country = country is null ? null : Countries.Names.GetValueOrDefault(country),
            Phone = Blank(a.Phone),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
