using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.MirrorKit.Storage;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// <c>productVariantsBulkUpdate</c>: new prices, compare-at prices, barcodes and inventory policies for a product's variants.
/// All-or-nothing unless <c>allowPartialUpdates</c>; unknown ids are userErrors, as on Shopify.
/// </summary>
public static class UpdateVariants
{
    /// <summary>A field the caller may have left out (unchanged) or set, possibly to null (cleared).</summary>
    public readonly record struct Maybe<T>(bool IsSet, T Value);

    public sealed record VariantInput(string? Id, Maybe<decimal?> Price, Maybe<decimal?> CompareAtPrice, Maybe<string?> Barcode, string? InventoryPolicy = null);

    public sealed record Request(string ProductId, IReadOnlyList<VariantInput> Variants, bool AllowPartialUpdates);

    /// <summary>One field of one variant going from one value to another: the effect, as a value.</summary>
    public sealed record FieldChange(long VariantId, string Field, string? From, string? To);

    public sealed record Plan(IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<(long VariantId, VariantInput Input)> Updates)
    {
        public bool Rejected(bool allowPartial) => Errors.Count > 0 && !allowPartial;
    }

    public sealed record Payload(ProductNode? Product, IReadOnlyList<VariantNode>? ProductVariants, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>Checks the request against the product and the variants it names; pure.</summary>
    public static Plan Decide(Request request, ProductRecord? product, IReadOnlyDictionary<long, VariantRecord> variants)
    {
        if (product is null)
        {
            return new Plan([new UserErrorValue(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")], []);
        }
        var errors = new List<UserErrorValue>();
        var updates = new List<(long, VariantInput)>();
        for (var i = 0; i < request.Variants.Count; i++)
        {
            var input = request.Variants[i];
            var index = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (input.Id is null)
            {
                errors.Add(new UserErrorValue(["variants", index, "id"], "Product variant id is missing", "PRODUCT_VARIANT_ID_MISSING"));
                continue;
            }
            if (Gid.TryParse(input.Id, "ProductVariant") is not { } id || !variants.TryGetValue(id, out var variant))
            {
                errors.Add(new UserErrorValue(["variants", index, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
                continue;
            }
            if (variant.ProductId != product.Id)
            {
                errors.Add(new UserErrorValue(["variants", index, "id"], "Product variant does not belong to the product", "MUST_BE_FOR_THIS_PRODUCT"));
                continue;
            }
            if (input.Price is { IsSet: true, Value: null })
            {
                errors.Add(new UserErrorValue(["variants", index, "price"], "Price can't be blank", "INVALID_INPUT"));
                continue;
            }
            if (input.Price.Value < 0 || input.CompareAtPrice.Value < 0)
            {
                var field = input.Price.Value < 0 ? "price" : "compareAtPrice";
                errors.Add(new UserErrorValue(["variants", index, field], $"{(field == "price" ? "Price" : "Compare at price")} must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
                continue;
            }
            updates.Add((id, input));
        }
        return new Plan(errors, updates);
    }

    /// <summary>What applying <paramref name="input"/> to <paramref name="variant"/> changes; pure.</summary>
    public static IReadOnlyList<FieldChange> Changes(VariantRecord variant, VariantInput input)
    {
        var changes = new List<FieldChange>();
        if (input.Price is { IsSet: true, Value: { } price } && price != variant.Price)
        {
            changes.Add(new FieldChange(variant.Id, "price", MoneyGraphType.Format(variant.Price), MoneyGraphType.Format(price)));
        }
        if (input.CompareAtPrice.IsSet && input.CompareAtPrice.Value != variant.CompareAtPrice)
        {
            changes.Add(new FieldChange(variant.Id, "compare-at", Money(variant.CompareAtPrice), Money(input.CompareAtPrice.Value)));
        }
        if (input.Barcode.IsSet && input.Barcode.Value != variant.Barcode)
        {
            changes.Add(new FieldChange(variant.Id, "barcode", variant.Barcode, input.Barcode.Value));
        }
        if (input.InventoryPolicy is { } policy && policy != variant.InventoryPolicy)
        {
            changes.Add(new FieldChange(variant.Id, "inventory-policy", variant.InventoryPolicy, policy));
        }
        return changes;
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var product = Gid.TryParse(request.ProductId, "Product") is { } productId
            ? StoreLookup.Tracked(db, (ProductRecord p) => p.Id, [productId])?.FirstOrDefault() ?? await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct)
            : null;
        var named = request.Variants.Select(v => Gid.TryParse(v.Id, "ProductVariant")).OfType<long>().ToHashSet();
        var ownerId = product?.Id ?? 0;
        var own = StoreLookup.Tracked(db, (VariantRecord v) => v.ProductId, [ownerId])
            ?? await db.Variants.Where(v => v.ProductId == ownerId).ToListAsync(ct);
        var others = StoreLookup.Tracked(db, (VariantRecord v) => v.Id, named)?.Where(v => v.ProductId != ownerId).ToList()
            ?? await db.Variants.Where(v => named.Contains(v.Id) && v.ProductId != ownerId).ToListAsync(ct);
        var variants = own.Concat(others).ToDictionary(v => v.Id);

        var plan = Decide(request, product, variants);
        if (product is null || plan.Rejected(request.AllowPartialUpdates))
        {
            return new Payload(null, null, plan.Errors);
        }

        var now = shop.Clock.GetUtcNow();
        var effects = new List<string>();
        foreach (var (variantId, input) in plan.Updates)
        {
            var variant = variants[variantId];
            foreach (var change in Changes(variant, input))
            {
                effects.Add($"{change.Field} {variant.Sku} {change.From ?? "none"} -> {change.To ?? "none"}");
            }
            if (input.Price is { IsSet: true, Value: { } price })
            {
                variant.Price = price;
            }
            if (input.CompareAtPrice.IsSet)
            {
                variant.CompareAtPrice = input.CompareAtPrice.Value;
            }
            if (input.Barcode.IsSet)
            {
                variant.Barcode = input.Barcode.Value;
            }
            if (input.InventoryPolicy is { } policy)
            {
                variant.InventoryPolicy = policy;
            }
            variant.UpdatedAt = now;
        }
        var node = (await shop.Catalog.ComposeAsync([product], own, null, ct))[0];
        if (effects.Count > 0)
        {
            product.UpdatedAt = now;
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.ProductsUpdate, () => WebhookPayloads.Product(node, shop.Clock), ct);
        }
        await db.SaveChangesAsync(ct);
        foreach (var effect in effects)
        {
            shop.Ledger.RecordEffect(effect, "productVariantsBulkUpdate");
        }
        shop.Webhooks.Notify();
        var updatedIds = plan.Updates.Select(u => u.VariantId).ToHashSet();
        return new Payload(node, node.Variants.Where(v => updatedIds.Contains(v.Row.Id)).ToList(), plan.Errors);
    }

    private static string? Money(decimal? amount) => amount is { } a ? MoneyGraphType.Format(a) : null;

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ProductVariantsBulkUpdatePayloadGraphType>("productVariantsBulkUpdate")
            .Argument<NonNullGraphType<IdGraphType>>("productId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantsBulkInputGraphType>>>>("variants")
            .Argument<BooleanGraphType>("allowPartialUpdates", a => a.DefaultValue = false)
            .ResolveAsync(async c =>
            {
                var shop = c.Shop();
                var inputs = InputValues.Objects(c.Arguments!["variants"].Value);
                inputs.CheckSize(shop.Settings);
                var request = new Request(
                    c.GetArgument<string>("productId"),
                    inputs.Select(i => new VariantInput(
                        i.String("id"),
                        i.Has("price") ? new Maybe<decimal?>(true, i.Money("price")) : default,
                        i.Has("compareAtPrice") ? new Maybe<decimal?>(true, i.Money("compareAtPrice")) : default,
                        i.Has("barcode") ? new Maybe<string?>(true, i.String("barcode")) : default,
                        i.String("inventoryPolicy"))).ToList(),
                    c.GetArgument<bool?>("allowPartialUpdates") ?? false);
                return await ExecuteAsync(shop, request, c.CancellationToken);
            });
    }
}

public sealed class ProductVariantsBulkInputGraphType : InputObjectGraphType
{
    public ProductVariantsBulkInputGraphType()
    {
        Name = "ProductVariantsBulkInput";
        Field<IdGraphType>("id");
        Field<MoneyGraphType>("price");
        Field<MoneyGraphType>("compareAtPrice");
        Field<StringGraphType>("barcode");
        Field<ProductVariantInventoryPolicyGraphType>("inventoryPolicy");
    }
}

public sealed class ProductVariantsBulkUpdatePayloadGraphType : ObjectGraphType<UpdateVariants.Payload>
{
    public ProductVariantsBulkUpdatePayloadGraphType()
    {
        Name = "ProductVariantsBulkUpdatePayload";
        Field<ProductGraphType>("product").Resolve(c => c.Source.Product);
        Field<ListGraphType<NonNullGraphType<ProductVariantGraphType>>>("productVariants").Resolve(c => c.Source.ProductVariants);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductVariantsBulkUpdateUserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
