using System.Buffers;
using System.Text.Json;
using SyncLab.Mirrors.Erp.OData;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>One OData segment, e.g. <c>items(5f3c...)</c>: the name and the key in parentheses, if any.</summary>
internal sealed record Segment(string Name, string? Key);

/// <summary>
/// A call to the vendor API, already authenticated: what a handler needs, independent of HttpContext so
/// that <c>$batch</c> runs its operations through the same handlers.
/// </summary>
internal sealed record VendorRequest(
    string Method,
    string ApiRoot,
    IReadOnlyList<Segment> Segments,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    JsonElement? Body,
    string Origin,
    IServiceProvider Services)
{
    /// <summary>The collection URL of this request, without its query: the base of a nextLink.</summary>
    public string Url => $"{Origin}/api/{ApiRoot}/{string.Join('/', Segments.Select(s => s.Key is null ? s.Name : $"{s.Name}({s.Key})"))}";

    public string Context(string fragment) => $"{Origin}/api/{ApiRoot}/$metadata#{fragment}";

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    public T Service<T>()
        where T : notnull => (T)(Services.GetService(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not registered."));
}

/// <summary>What a handler answers: status, headers and a JSON body (null for 204).</summary>
internal sealed record VendorResponse(int Status, byte[]? Body, IReadOnlyDictionary<string, string> Headers)
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    public static VendorResponse NoContent { get; } = new(204, null, NoHeaders);

    public static VendorResponse Json(int status, Action<Utf8JsonWriter> write, IReadOnlyDictionary<string, string>? headers = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }
        return new VendorResponse(status, buffer.WrittenSpan.ToArray(), headers ?? NoHeaders);
    }

    /// <summary>One entity with its ETag also in the ETag header, as the vendor answers GET, POST and PATCH.</summary>
    public static VendorResponse Entity<T>(
        int status, EntityShape<T> shape, T record, string context, IReadOnlyList<Field<T>>? select = null, IReadOnlyList<Action<Utf8JsonWriter, T>>? expanded = null)
        where T : class, Storage.ISequenced
    {
        var headers = shape.ETag is { } etag ? new Dictionary<string, string> { ["ETag"] = etag(record) } : NoHeaders;
        return Json(status, w => shape.WriteEntity(w, record, select, context, expanded), headers);
    }

    public static VendorResponse Error(VendorError error, IReadOnlyDictionary<string, string>? headers = null) =>
        new(error.Status, VendorError.Body(error.Code, error.Message), headers ?? NoHeaders);
}
