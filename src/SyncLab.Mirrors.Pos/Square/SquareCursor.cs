using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace SyncLab.Mirrors.Pos.Square;

/// <summary>Square's opaque pagination cursor; this mirror encodes the offset of the next page.</summary>
public static class SquareCursor
{
    private const string Prefix = "synclab-v1:";

    public static string Encode(long offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static string? Next(long offset, bool more) => more ? Encode(offset) : null;

    /// <summary>Null or empty means the first page; anything this mirror did not issue is a failure.</summary>
    public static bool TryDecode(string? cursor, out long offset, out SquareFailure? failure, string field = "cursor")
    {
        offset = 0;
        failure = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64url: falls through to the same answer as any foreign cursor.
        }
        failure = SquareErrors.Invalid("INVALID_CURSOR", field, "The pagination cursor is not valid.");
        return false;
    }
}
