using System.Globalization;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// <c>productSet</c> (2025-01, synchronous): creates a product with its variant, SKU, prices, inventory
/// policy and starting quantities in one call, so an integration never leaves a product without its SKU
/// behind. The mirror creates only (no <c>input.id</c>) and one variant per product; products are then
/// changed through <c>productUpdate</c> and <c>productVariantsBulkUpdate</c>.
/// </summary>
public static class SetProduct
{
    public sealed record Quantity(string? LocationId, string? Name, int Value);

    public sealed record VariantInput(string? Sku, decimal? Price, decimal? CompareAtPrice, string? Barcode, string? InventoryPolicy, IReadOnlyList<Quantity> Quantities);

    public sealed record Request(
        string? Id, string? Title, string? Handle, string? Status, string? Vendor, string? ProductType, string? DescriptionHtml,
        IReadOnlyList<string>? Tags, IReadOnlyList<VariantInput>? Variants);

    public sealed record Payload(ProductNode? Product, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>What is wrong with the request, before anything is looked up; pure.</summary>
    public static IReadOnlyList<UserErrorValue> Check(Request request, IReadOnlySet<long> locationIds)
    {
        if (request.Id is not null)
        {
            return [new UserErrorValue(["input", "id"], "The mirror's productSet creates products only; change them with productUpdate and productVariantsBulkUpdate.", "INVALID_INPUT")];
        }
        if (string.IsNullOrWhiteSpace(request.Title))
        {
            return [new UserErrorValue(["input", "title"], "Title can't be blank", "INVALID_INPUT")];
        }
        if (request.Variants is not { Count: > 0 })
        {
            return [new UserErrorValue(["input", "variants"], "Variants input is missing", "VARIANTS_INPUT_MISSING")];
        }
        if (request.Variants.Count > 1)
        {
            return [new UserErrorValue(["input", "variants"], "The mirror supports one variant per product", "INVALID_VARIANT")];
        }
        var variant = request.Variants[0];
        if (variant.Price is < 0 || variant.CompareAtPrice is < 0)
        {
            return [new UserErrorValue(["input", "variants", "0", variant.Price is < 0 ? "price" : "compareAtPrice"], "Price must be greater than or equal to 0", "INVALID_VARIANT")];
        }
        foreach (var quantity in variant.Quantities)
        {
            if (quantity.Name != "available")
            {
                return [new UserErrorValue(["input", "variants", "0", "inventoryQuantities", "name"], "Only the available quantity can be set", "INVALID_INPUT")];
            }
            if (Gid.TryParse(quantity.LocationId, "Location") is not { } location || !locationIds.Contains(location))
            {
                return [new UserErrorValue(["input", "variants", "0", "inventoryQuantities", "locationId"], "Location does not exist", "INVALID_INPUT")];
            }
        }
        return [];
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var locations = await shop.Catalog.AllLocationsAsync(ct);
        var errors = Check(request, locations.Select(l => l.Id).ToHashSet());
        if (errors.Count > 0)
        {
            return new Payload(null, errors);
        }
        var title = request.Title!.Trim();
        var handle = request.Handle ?? ProductTitles.Handle(title);
        if (await db.Products.AnyAsync(p => p.Handle == handle, ct))
        {
            if (request.Handle is not null)
            {
                return new Payload(null, [new UserErrorValue(["input", "handle"], $"Handle '{handle}' already in use. Please provide a new handle.", "HANDLE_NOT_UNIQUE")]);
            }
            handle = await FreeHandleAsync(db, handle, ct);
        }
        var now = shop.Clock.GetUtcNow();
        var input = request.Variants![0];
        var product = new ProductRecord
        {
            Id = await NextIdAsync(db.Products.Select(p => p.Id), IdRanges.Product, ct),
            Handle = handle,
            Title = title,
            Status = request.Status ?? ProductStatuses.Active,
            Vendor = request.Vendor ?? string.Empty,
            ProductType = request.ProductType ?? string.Empty,
            DescriptionHtml = request.DescriptionHtml ?? string.Empty,
            Tags = request.Tags is null ? string.Empty : string.Join(", ", request.Tags),
            CreatedAt = now,
            UpdatedAt = now,
        };
        var variant = new VariantRecord
        {
            Id = await NextIdAsync(db.Variants.Select(v => v.Id), IdRanges.Variant, ct),
            ProductId = product.Id,
            Sku = input.Sku,
            Barcode = input.Barcode,
            Price = input.Price ?? 0m,
            CompareAtPrice = input.CompareAtPrice,
            InventoryItemId = await NextIdAsync(db.Variants.Select(v => v.InventoryItemId), IdRanges.InventoryItem, ct),
            InventoryPolicy = input.InventoryPolicy ?? InventoryPolicies.Deny,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // Shopify stocks a new variant at the shop's locations; quantities not given start at zero.
        var levels = locations.Where(l => l.IsActive).Select(l => new InventoryLevelRecord
        {
            InventoryItemId = variant.InventoryItemId,
            LocationId = l.Id,
            Available = input.Quantities.FirstOrDefault(q => Gid.TryParse(q.LocationId, "Location") == l.Id)?.Value ?? 0,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        db.Products.Add(product);
        db.Variants.Add(variant);
        db.InventoryLevels.AddRange(levels);
        var node = (await shop.Catalog.ComposeAsync([product], [variant], levels, ct))[0];
        await shop.Webhooks.EnqueueAsync(db, WebhookTopics.ProductsCreate, () => WebhookPayloads.Product(node, shop.Clock), ct);
        await db.SaveChangesAsync(ct);
        shop.Ledger.RecordEffect(
            string.Create(CultureInfo.InvariantCulture, $"product {variant.Sku ?? handle} created {product.Status} at {MoneyGraphType.Format(variant.Price)}"),
            "productSet");
        shop.Webhooks.Notify();
        return new Payload(node, []);
    }

    private static async Task<long> NextIdAsync(IQueryable<long> ids, long rangeStart, CancellationToken ct) =>
        Math.Max(rangeStart, await ids.Where(id => id >= rangeStart).MaxAsync(id => (long?)id, ct) ?? rangeStart) + 1;

    private static async Task<string> FreeHandleAsync(StorefrontDb db, string stem, CancellationToken ct)
    {
        var prefix = stem + "-";
        var taken = (await db.Products.Where(p => p.Handle.StartsWith(prefix)).Select(p => p.Handle).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var i = 1;
        while (taken.Contains(string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}")))
        {
            i++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}");
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ProductSetPayloadGraphType>("productSet")
            .Argument<NonNullGraphType<ProductSetInputGraphType>>("input")
            .Argument<BooleanGraphType>("synchronous", a => a.DefaultValue = true)
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                if (c.GetArgument<bool?>("synchronous") == false)
                {
                    return new Payload(null, [new UserErrorValue(["synchronous"], "The mirror runs productSet synchronously only", "INVALID_INPUT")]);
                }
                var input = c.Object("input");
                var variants = input.TryGetValue("variants", out var raw) ? InputValues.Objects(raw) : null;
                variants?.CheckSize(shop.Settings);
                var tags = input.TryGetValue("tags", out var rawTags) && rawTags is IEnumerable<object?> list ? list.OfType<string>().ToList() : null;
                var request = new Request(
                    input.String("id"), input.String("title"), input.String("handle"), input.String("status"), input.String("vendor"),
                    input.String("productType"), input.String("descriptionHtml"), tags,
                    variants?.Select(v => new VariantInput(
                        v.String("sku"), v.Money("price"), v.Money("compareAtPrice"), v.String("barcode"), v.String("inventoryPolicy"),
                        (v.TryGetValue("inventoryQuantities", out var q) ? InputValues.Objects(q) : [])
                            .Select(x => new Quantity(x.String("locationId"), x.String("name"), x.Int("quantity") ?? 0)).ToList())).ToList());
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }
}

public sealed class ProductSetInputGraphType : InputObjectGraphType
{
    public ProductSetInputGraphType()
    {
        Name = "ProductSetInput";
        Field<IdGraphType>("id");
        Field<StringGraphType>("title");
        Field<StringGraphType>("handle");
        Field<ProductStatusGraphType>("status");
        Field<StringGraphType>("vendor");
        Field<StringGraphType>("productType");
        Field<StringGraphType>("descriptionHtml");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<ListGraphType<NonNullGraphType<OptionSetInputGraphType>>>("productOptions");
        Field<ListGraphType<NonNullGraphType<ProductVariantSetInputGraphType>>>("variants");
    }
}

public sealed class OptionSetInputGraphType : InputObjectGraphType
{
    public OptionSetInputGraphType()
    {
        Name = "OptionSetInput";
        Field<StringGraphType>("name");
        Field<IntGraphType>("position");
        Field<ListGraphType<NonNullGraphType<OptionValueSetInputGraphType>>>("values");
    }
}

public sealed class OptionValueSetInputGraphType : InputObjectGraphType
{
    public OptionValueSetInputGraphType()
    {
        Name = "OptionValueSetInput";
        Field<StringGraphType>("name");
    }
}

public sealed class VariantOptionValueInputGraphType : InputObjectGraphType
{
    public VariantOptionValueInputGraphType()
    {
        Name = "VariantOptionValueInput";
        Field<StringGraphType>("optionName");
        Field<StringGraphType>("name");
    }
}

public sealed class ProductSetInventoryInputGraphType : InputObjectGraphType
{
    public ProductSetInventoryInputGraphType()
    {
        Name = "ProductSetInventoryInput";
        Field<NonNullGraphType<IdGraphType>>("locationId");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<IntGraphType>>("quantity");
    }
}

public sealed class ProductVariantSetInputGraphType : InputObjectGraphType
{
    public ProductVariantSetInputGraphType()
    {
        Name = "ProductVariantSetInput";
        Field<StringGraphType>("sku");
        Field<MoneyGraphType>("price");
        Field<MoneyGraphType>("compareAtPrice");
        Field<StringGraphType>("barcode");
        Field<ProductVariantInventoryPolicyGraphType>("inventoryPolicy");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VariantOptionValueInputGraphType>>>>("optionValues");
        Field<ListGraphType<NonNullGraphType<ProductSetInventoryInputGraphType>>>("inventoryQuantities");
    }
}

public sealed class ProductSetPayloadGraphType : ObjectGraphType<SetProduct.Payload>
{
    public ProductSetPayloadGraphType()
    {
        Name = "ProductSetPayload";
        Field<ProductGraphType>("product").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductSetUserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
