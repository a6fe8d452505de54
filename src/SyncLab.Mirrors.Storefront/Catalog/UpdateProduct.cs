using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.GraphApi;
using SyncLab.Mirrors.Storefront.GraphApi.Types;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.Catalog;

/// <summary>
/// <c>productUpdate</c>: title, status, vendor, tags of a product. 2025-01 takes the new
/// <c>product: ProductUpdateInput</c> and still the deprecated <c>input: ProductInput</c>; both are served.
/// </summary>
public static class UpdateProduct
{
    public sealed record Request(string? Id, string? Title, string? Status, string? Vendor, IReadOnlyList<string>? Tags, string? Handle);

    public sealed record Payload(ProductNode? Product, IReadOnlyList<UserErrorValue> UserErrors);

    /// <summary>The field changes the request makes to <paramref name="product"/>, or the userErrors that stop it; pure.</summary>
    public static (IReadOnlyList<UserErrorValue> Errors, IReadOnlyList<(string Field, string From, string To)> Changes) Decide(Request request, ProductRecord? product)
    {
        if (product is null)
        {
            return ([new UserErrorValue(["id"], "Product does not exist")], []);
        }
        if (request.Title is { Length: 0 })
        {
            return ([new UserErrorValue(["title"], "Title can't be blank")], []);
        }
        var changes = new List<(string, string, string)>();
        void Compare(string field, string current, string? wanted)
        {
            if (wanted is not null && wanted != current)
            {
                changes.Add((field, current, wanted));
            }
        }
        Compare("title", product.Title, request.Title);
        Compare("status", product.Status, request.Status);
        Compare("vendor", product.Vendor, request.Vendor);
        Compare("handle", product.Handle, request.Handle);
        Compare("tags", product.Tags, request.Tags is null ? null : string.Join(", ", request.Tags));
        return ([], changes);
    }

    public static async Task<Payload> ExecuteAsync(ShopRequest shop, Request request, CancellationToken ct)
    {
        var db = shop.Db;
        using var _ = await shop.WriteGate.EnterAsync(ct);
        var id = Gid.TryParse(request.Id, "Product") ?? 0;
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        var (errors, changes) = Decide(request, product);
        if (product is null || errors.Count > 0)
        {
            return new Payload(null, errors);
        }
        if (request.Handle is not null && changes.Any(c => c.Field == "handle")
            && await db.Products.AnyAsync(p => p.Handle == request.Handle && p.Id != id, ct))
        {
            return new Payload(null, [new UserErrorValue(["handle"], $"Handle '{request.Handle}' already in use. Please provide a new handle.")]);
        }
        var variants = await db.Variants.AsNoTracking().Where(v => v.ProductId == id).ToListAsync(ct);
        foreach (var (field, _, to) in changes)
        {
            switch (field)
            {
                case "title": product.Title = to; break;
                case "status": product.Status = to; break;
                case "vendor": product.Vendor = to; break;
                case "handle": product.Handle = to; break;
                case "tags": product.Tags = to; break;
            }
        }
        var node = (await shop.Catalog.ComposeAsync([product], variants, null, ct))[0];
        if (changes.Count > 0)
        {
            product.UpdatedAt = shop.Clock.GetUtcNow();
            await shop.Webhooks.EnqueueAsync(db, WebhookTopics.ProductsUpdate, () => WebhookPayloads.Product(node, shop.Clock), ct);
        }
        await db.SaveChangesAsync(ct);
        var label = variants.Count > 0 ? variants.OrderBy(v => v.Position).First().Sku : product.Handle;
        foreach (var (field, from, to) in changes)
        {
            shop.Ledger.RecordEffect($"{field} {label} {from} -> {to}", "productUpdate");
        }
        shop.Webhooks.Notify();
        return new Payload(node, []);
    }

    internal static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<ProductUpdatePayloadGraphType>("productUpdate")
            .Argument<ProductUpdateInputGraphType>("product")
            .Argument<ProductInputGraphType>("input", a => a.DeprecationReason = "Use `product` instead.")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("product") ?? c.GetArgument<Dictionary<string, object?>>("input");
                if (input is null)
                {
                    return new Payload(null, [new UserErrorValue(["product"], "Product input is required")]);
                }
                List<string>? tags = null;
                if (input.TryGetValue("tags", out var raw) && raw is IEnumerable<object?> list)
                {
                    tags = list.OfType<string>().ToList();
                }
                var request = new Request(input.String("id"), input.String("title"), input.String("status"), input.String("vendor"), tags, input.String("handle"));
                return await ExecuteAsync(c.Shop(), request, c.CancellationToken);
            });
    }
}

/// <summary>The fields of ProductUpdateInput / ProductInput the mirror applies.</summary>
public abstract class ProductInputFieldsGraphType : InputObjectGraphType
{
    protected ProductInputFieldsGraphType(string name)
    {
        Name = name;
        Field<IdGraphType>("id");
        Field<StringGraphType>("title");
        Field<ProductStatusGraphType>("status");
        Field<StringGraphType>("vendor");
        Field<StringGraphType>("handle");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
    }
}

public sealed class ProductUpdateInputGraphType() : ProductInputFieldsGraphType("ProductUpdateInput");

public sealed class ProductInputGraphType() : ProductInputFieldsGraphType("ProductInput");

public sealed class ProductUpdatePayloadGraphType : ObjectGraphType<UpdateProduct.Payload>
{
    public ProductUpdatePayloadGraphType()
    {
        Name = "ProductUpdatePayload";
        Field<ProductGraphType>("product").Resolve(c => c.Source.Product);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserErrorGraphType>>>>("userErrors").Resolve(c => c.Source.UserErrors);
    }
}
