using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Vendor;

namespace SyncLab.Mirrors.Erp.OData;

/// <summary>
/// Business Central's change tracking on a collection GET: with <c>Prefer: odata.track-changes</c> the last
/// page carries an <c>@odata.deltaLink</c>; that link (a <c>$deltatoken</c>) later answers only the rows
/// added or changed since, plus a <c>$deletedEntity</c> entry per deleted one. Changes are found by row
/// version (the counter behind ETags), deletions by <see cref="DeltaTracker"/>'s tombstones. A link that
/// is malformed, from another instance, for another entity set or older than
/// <see cref="ErpMirrorSettings.DeltaLinkLifetime"/> answers 410 Gone with a <c>Location</c> to start over.
/// </summary>
internal static class DeltaQuery
{
    public const string Preference = "odata.track-changes";

    /// <summary>What a tracked page adds to a collection answer; null when the request does not track changes.</summary>
    public static async Task<DeltaPage<T>?> PrepareAsync<T>(IQueryable<T> source, EntityShape<T> shape, VendorRequest request, QueryOptions options, CancellationToken cancellationToken)
        where T : class, ISequenced
    {
        var requested = options.DeltaToken is not null || (request.Header("Prefer") ?? string.Empty).Contains(Preference, StringComparison.OrdinalIgnoreCase);
        if (!requested)
        {
            return null;
        }
        if (!DeltaTracker.TrackedSets.Contains(shape.EntitySet))
        {
            if (options.DeltaToken is null)
            {
                // A preference the service cannot honour is ignored (OData): no deltaLink, no Preference-Applied.
                return null;
            }
            throw VendorError.BadRequest("Entity does not support delta requests.");
        }
        var tracker = request.Service<DeltaTracker>();
        var now = request.Service<TimeProvider>().GetUtcNow();
        var version = Expression.Property(shape.Parameter, "Version");
        DeltaToken state;
        if (options.DeltaToken is not { } text)
        {
            // The baseline: every row now; the link to come starts from the current row version and tombstone.
            state = new DeltaToken(shape.EntitySet, tracker.Epoch, null, null, await MaxVersionAsync(source, shape, version, cancellationToken), tracker.Sequence, now.UtcTicks);
        }
        else
        {
            state = Read(text, shape, tracker, request, options, now);
            if (state.To is null)
            {
                // A deltaLink being followed: fix the upper bounds now, so every page of this answer agrees.
                state = state with { To = await MaxVersionAsync(source, shape, version, cancellationToken), ToRemoved = tracker.Sequence };
            }
        }

        Expression<Func<T, bool>>? filter = null;
        IReadOnlyList<Guid> removed = [];
        if (state.From is { } from)
        {
            filter = Expression.Lambda<Func<T, bool>>(
                Expression.AndAlso(Expression.GreaterThan(version, Expression.Constant(from)), Expression.LessThanOrEqual(version, Expression.Constant(state.To!.Value))),
                shape.Parameter);
            if (options.SkipToken is null)
            {
                removed = tracker.RemovedBetween(shape.EntitySet, state.FromRemoved!.Value, state.ToRemoved!.Value);
            }
        }
        var next = new DeltaToken(shape.EntitySet, tracker.Epoch, state.To, state.ToRemoved, null, null, now.UtcTicks);
        return new DeltaPage<T>(filter, Write(state), Write(next), removed);
    }

    private static async Task<long> MaxVersionAsync<T>(IQueryable<T> source, EntityShape<T> shape, MemberExpression version, CancellationToken cancellationToken)
        where T : class, ISequenced
    {
        var selector = Expression.Lambda<Func<T, long?>>(Expression.Convert(version, typeof(long?)), shape.Parameter);
        return await source.AsNoTracking().Select(selector).MaxAsync(cancellationToken) ?? 0;
    }

    private static DeltaToken Read<T>(string text, EntityShape<T> shape, DeltaTracker tracker, VendorRequest request, QueryOptions options, DateTimeOffset now)
        where T : class, ISequenced
    {
        DeltaToken? token;
        try
        {
            token = JsonSerializer.Deserialize<DeltaToken>(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)));
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            token = null;
        }
        var settings = request.Service<ErpMirrorSettings>();
        var valid = token is not null
            && token.Set == shape.EntitySet
            && token.Epoch == tracker.Epoch
            && (token.From is null) == (token.FromRemoved is null)
            && (token.To is null) == (token.ToRemoved is null)
            && (token.From is not null || token.To is not null)
            && now - new DateTimeOffset(token.IssuedTicks, TimeSpan.Zero) <= settings.DeltaLinkLifetime
            && (token.FromRemoved ?? long.MaxValue) >= tracker.PrunedThrough;
        if (!valid)
        {
            throw new VendorError(410, "BadRequest_Gone", "The delta token is no longer valid. Request the collection again with Prefer: odata.track-changes for a new baseline.")
            {
                Headers = new Dictionary<string, string> { ["Location"] = Baseline(request, options) },
            };
        }
        return token!;
    }

    /// <summary>The original query without its tokens: where a client starts over.</summary>
    private static string Baseline(VendorRequest request, QueryOptions options)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in new[] { ("$filter", options.Filter), ("$orderby", options.OrderBy), ("$select", options.Select), ("$expand", options.Expand) })
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }
        return request.Url + query;
    }

    private static string Write(DeltaToken token) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(token));
}

/// <summary>
/// The state a <c>$deltatoken</c> carries: rows with a version in (<see cref="From"/>, <see cref="To"/>] and
/// tombstones in (<see cref="FromRemoved"/>, <see cref="ToRemoved"/>]. A baseline page has no lower bound;
/// a deltaLink has no upper bound yet (fixed when it is followed).
/// </summary>
internal sealed record DeltaToken(string Set, Guid Epoch, long? From, long? FromRemoved, long? To, long? ToRemoved, long IssuedTicks);

/// <summary>
/// What a tracked collection page adds: the version filter, the token its nextLink carries, the token of the
/// deltaLink on its last page, and the deleted entities (first page only).
/// </summary>
internal sealed record DeltaPage<T>(Expression<Func<T, bool>>? Filter, string PagingToken, string DeltaLinkToken, IReadOnlyList<Guid> Removed)
{
    public void WriteRemoved(Utf8JsonWriter writer, VendorRequest request)
    {
        foreach (var id in Removed)
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", request.Context($"companies({request.Segments[0].Key})/{request.Segments[^1].Name}/$deletedEntity"));
            // OData 4.01's annotation for the same thing, for clients that look for it; 4.0 clients ignore it.
            writer.WriteStartObject("@removed");
            writer.WriteString("reason", "deleted");
            writer.WriteEndObject();
            writer.WriteString("id", id);
            writer.WriteEndObject();
        }
    }
}
