using System.Security.Cryptography;
using System.Text;

namespace SyncLab.Mirrors.Erp.Storage;

/// <summary>
/// SystemIds derived from the estate seed: the same estate always has the same GUIDs, so a test or a
/// scenario can name a record before the mirror starts, and two runs compare line by line.
/// </summary>
internal static class StableIds
{
    public static Guid For(int seed, string kind, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"synclab-erp|{seed}|{kind}|{key}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5 (name-based)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}
