using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace SyncLab.Mirrors.Warehouse.ShipStation;

/// <summary>A link; <see cref="Href"/> is absent (<c>{}</c>) for a <c>prev</c> or <c>next</c> page that does not exist.</summary>
public sealed record Link(string? Href);

/// <summary>ShipStation's paging links; all four are always present, as <c>pagination_link</c> requires.</summary>
public sealed record PageLinks(Link First, Link Last, Link Prev, Link Next);

/// <summary>Which page a list request asks for, and the links that lead to the others.</summary>
public sealed record PageRequest(int Page, int Size)
{
    private const string CursorPrefix = "synclab-page:";

    public int Skip => (Page - 1) * Size;

    public static int Pages(int total, int size) => Math.Max(1, (total + size - 1) / size);

    /// <summary>
    /// Reads <paramref name="sizeParameter"/> (default <paramref name="defaultSize"/>, at most <paramref name="maxSize"/>)
    /// and the page, from <c>page</c> or from the opaque <c>cursor</c> that the <c>links</c> carry.
    /// </summary>
    public static (PageRequest? Request, ShipStationFailure? Failure) From(IQueryCollection query, string sizeParameter, int defaultSize, int maxSize)
    {
        var size = defaultSize;
        if (query[sizeParameter].ToString() is { Length: > 0 } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > maxSize))
        {
            return (null, ShipStationErrors.InvalidValue($"{sizeParameter} must be a whole number from 1 to {maxSize}."));
        }
        var page = 1;
        if (query["cursor"].ToString() is { Length: > 0 } cursor && !TryDecode(cursor, out page))
        {
            return (null, ShipStationErrors.InvalidValue("cursor is not a cursor this API issued."));
        }
        if (query["page"].ToString() is { Length: > 0 } pageText
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            return (null, ShipStationErrors.InvalidValue("page must be a whole number of 1 or more."));
        }
        return (new PageRequest(page, size), null);
    }

    /// <summary>Absolute links to the other pages of the same query; pages are addressed by <c>cursor</c>, or by <c>page</c> where the API documents it.</summary>
    public PageLinks Links(HttpRequest request, int total, bool byPageNumber = false)
    {
        var pages = Pages(total, Size);
        Link To(int page)
        {
            var query = request.Query
                .Where(q => q.Key is not ("page" or "cursor"))
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(byPageNumber
                    ? KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture))
                    : KeyValuePair.Create("cursor", (string?)Encode(page)));
            return new Link(UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query)));
        }
        return new PageLinks(To(1), To(pages), Page > 1 ? To(Math.Min(Page - 1, pages)) : new Link(null), Page < pages ? To(Page + 1) : new Link(null));
    }

    private static string Encode(int page) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + page.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int page)
    {
        page = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out page)
                && page >= 1;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
