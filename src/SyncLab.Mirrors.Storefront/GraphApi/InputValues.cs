using System.Globalization;
using GraphQL;

namespace SyncLab.Mirrors.Storefront.GraphApi;

/// <summary>
/// Reads untyped GraphQL input objects (dictionaries) so that "field omitted" and "field set to null"
/// stay different: <c>compareAtPrice: null</c> clears the compare-at price, leaving it out keeps it.
/// </summary>
internal static class InputValues
{
    public static IDictionary<string, object?> Object(this IResolveFieldContext context, string name) =>
        context.GetArgument<Dictionary<string, object?>>(name) ?? new Dictionary<string, object?>();

    public static IReadOnlyList<IDictionary<string, object?>> Objects(object? value) =>
        value is IEnumerable<object?> list ? list.OfType<IDictionary<string, object?>>().ToList() : [];

    public static bool Has(this IDictionary<string, object?> input, string field) => input.ContainsKey(field);

    public static string? String(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public static int? Int(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is not null ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is bool b ? b : null;

    public static decimal? Money(this IDictionary<string, object?> input, string field) =>
        input.TryGetValue(field, out var v) && v is not null ? Convert.ToDecimal(v, CultureInfo.InvariantCulture) : null;

    /// <summary>Shopify refuses input arrays above its limit (250) before it looks at them.</summary>
    public static void CheckSize<T>(this IReadOnlyCollection<T> items, StorefrontMirrorSettings settings)
    {
        if (items.Count > settings.MaxInputArraySize)
        {
            throw new ExecutionError($"The input array size of {items.Count} is greater than the maximum allowed of {settings.MaxInputArraySize}.")
            {
                Code = "MAX_INPUT_SIZE_EXCEEDED",
            };
        }
    }
}
