using System.Security.Cryptography;
using System.Text;

namespace SyncLab.Mirrors.Pos.Store;

/// <summary>
/// Deterministic Square-looking ids: the same estate (or the same sequence of calls) always gets the
/// same ids, so a test, a log and a rerun agree. Shapes follow Square's: upper-case base32.
/// </summary>
public static class SquareIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static string Merchant(string seed) => "M" + Hash("merchant:" + seed, 12);

    public static string Location(string code) => "L" + Hash("location:" + code, 12);

    public static string Item(string sku) => Hash("item:" + sku, 24);

    public static string Variation(string sku) => Hash("variation:" + sku, 24);

    /// <summary>The id of the <paramref name="ordinal"/>-th catalog item created through the API (not seeded).</summary>
    public static string CreatedItem(int ordinal) => Hash("created-item:" + ordinal, 24);

    public static string CreatedVariation(int ordinal) => Hash("created-variation:" + ordinal, 24);

    public static string Customer(string number) => Hash("customer:" + number, 26);

    public static string Order(long sequence) => Hash("order:" + sequence, 27);

    public static string Payment(long sequence) => Hash("payment:" + sequence, 27);

    public static string Change(long sequence) => Hash("change:" + sequence, 26);

    public static string WebhookSubscription(long sequence) => "wbhk_" + Hash("webhook:" + sequence, 27).ToLowerInvariant();

    /// <summary>Deterministic like every id here, so a rerun signs the same way; it is a test mirror's key, not a secret.</summary>
    public static string SignatureKey(string subscriptionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("synclab-pos-signature:" + subscriptionId)))[..22];

    /// <summary>A UUID-formatted id derived from <paramref name="seed"/> (event ids, event data ids).</summary>
    public static string Uuid(string seed)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new Guid(bytes.AsSpan(0, 16)).ToString("D");
    }

    // FNV-1a, twice with different bases: deterministic across processes and platforms (string.GetHashCode
    // is not), and fast enough to name 100k catalog objects at start-up, which SHA-256 was not.
    private static string Hash(string seed, int length)
    {
        var high = Fnv("synclab-pos:" + seed, 14695981039346656037UL);
        var low = Fnv(seed + ":synclab-pos", 1099511628211UL * 31);
        return string.Create(length, (high, low), static (chars, h) =>
        {
            var (high, low) = h;
            for (var i = 0; i < chars.Length; i++)
            {
                var bits = i < 12 ? (int)(high >> (i * 5)) : i < 24 ? (int)(low >> ((i - 12) * 5)) : (int)((high ^ low) >> ((i - 24) * 5));
                chars[i] = Alphabet[bits & 31];
            }
        });
    }

    private static ulong Fnv(string text, ulong basis)
    {
        var hash = basis;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }
        // MurmurHash3's finaliser: FNV alone leaves similar inputs with similar bits.
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53UL;
        return hash ^ (hash >> 33);
    }
}
