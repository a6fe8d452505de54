using GraphQL;
using SyncLab.Estate;
using SyncLab.MirrorKit.Ledger;
using SyncLab.Mirrors.Storefront.Catalog;
using SyncLab.Mirrors.Storefront.Customers;
using SyncLab.Mirrors.Storefront.Data;
using SyncLab.Mirrors.Storefront.Orders;
using SyncLab.Mirrors.Storefront.Webhooks;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>
/// What one Admin API request may use, handed to GraphQL.NET as the root value so that every resolver
/// gets its dependencies from the request it serves (no service locator, no statics).
/// </summary>
public sealed class ShopRequest(
    StorefrontDb db,
    TimeProvider clock,
    MirrorLedger ledger,
    StorefrontMirrorSettings settings,
    WebhookOutbox webhooks,
    ShopWriteGate writeGate,
    BusinessEstate estate,
    TaxSchedule taxes)
{
    private OrderReader? _orders;

    public StorefrontDb Db { get; } = db;

    public CatalogReader Catalog { get; } = new(db);

    public CustomerReader Customers { get; } = new(db);

    public OrderReader Orders => _orders ??= new OrderReader(Db, Catalog, Customers);

    /// <summary>The shop's currency (the estate's): every order is in it.</summary>
    public string Currency { get; } = estate.Options.Currency;

    public TimeProvider Clock { get; } = clock;

    public MirrorLedger Ledger { get; } = ledger;

    public StorefrontMirrorSettings Settings { get; } = settings;

    public WebhookOutbox Webhooks { get; } = webhooks;

    public ShopWriteGate WriteGate { get; } = writeGate;

    /// <summary>The sales tax rate checkout charges at an instant.</summary>
    public TaxSchedule Taxes { get; } = taxes;

    /// <summary>The version segment the caller used; webhooks created by it carry this apiVersion.</summary>
    public string ApiVersion { get; set; } = "2025-01";
}

/// <summary>
/// Writes are serialised, as Shopify applies one shop's mutations atomically: a compare-and-set
/// (<c>compareQuantity</c>) must not interleave with another write to the same level.
/// </summary>
public sealed class ShopWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

internal static class ResolveContextExtensions
{
    public static ShopRequest Shop(this IResolveFieldContext context) =>
        context.RootValue as ShopRequest ?? throw new InvalidOperationException("The Admin API runs with a ShopRequest as its root value.");

    /// <summary>Reads Relay arguments the way Shopify checks them: first is required and at most the page limit.</summary>
    public static PageRequest PageArguments(this IResolveFieldContext context)
    {
        var max = context.Shop().Settings.MaxPageSize;
        var first = context.GetArgument<int?>("first")
            ?? throw new ExecutionError("you must provide one of first or last") { Code = "BAD_REQUEST" };
        if (first < 0 || first > max)
        {
            throw new ExecutionError($"The first argument must be between 0 and {max}.") { Code = "BAD_REQUEST" };
        }
        long? after = null;
        string? afterValue = null;
        if (context.GetArgument<string?>("after") is { } cursor)
        {
            (after, afterValue) = Cursors.DecodeWithValue(cursor) ?? throw InvalidCursor();
        }
        return new PageRequest(first, after, context.GetArgument<bool?>("reverse") ?? false, afterValue);
    }

    /// <summary>Shopify's answer to a cursor that is not one of this connection's, or not for its sort.</summary>
    public static ExecutionError InvalidCursor() => new("Invalid cursor for current pagination sort.") { Code = "BAD_REQUEST" };

    /// <summary>A page over a list already in memory (a product's variants, an item's levels).</summary>
    public static Page<T> PageOf<T>(this IResolveFieldContext context, IReadOnlyList<T> all, Func<T, long> key)
    {
        var request = context.PageArguments();
        IEnumerable<T> items = request.Reverse ? all.OrderByDescending(key) : all.OrderBy(key);
        if (request.AfterId is { } after)
        {
            items = items.Where(i => request.Reverse ? key(i) < after : key(i) > after);
        }
        var rows = items.Take(request.First + 1).ToList();
        var hasNext = rows.Count > request.First;
        if (hasNext)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return new Page<T>(rows, hasNext, request.AfterId is not null, key);
    }

    /// <summary>A Shopify gid of <paramref name="type"/>, or a GraphQL error as Shopify answers a malformed id in a query.</summary>
    public static long GidArgument(this IResolveFieldContext context, string name, string type)
    {
        var raw = context.GetArgument<string>(name);
        // A well-formed gid of another type is simply not found (null), as on Shopify.
        return Gid.TryParse(raw, type)
            ?? (raw.StartsWith("gid://shopify/", StringComparison.Ordinal) && raw.Length > "gid://shopify/".Length ? 0
                : throw new ExecutionError($"Invalid global id '{raw}'") { Code = "argumentLiteralsIncompatible" });
    }
}
