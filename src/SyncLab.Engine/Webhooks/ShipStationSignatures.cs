using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Webhooks;

/// <summary>
/// ShipStation's webhook signature: RSA-SHA256 (PKCS#1 v1.5) over <c>{x-shipengine-timestamp}.{raw body}</c>, base64 in
/// <c>x-shipengine-rsa-sha256-signature</c>, by the key <c>x-shipengine-rsa-sha256-key-id</c> names in ShipStation's
/// published JSON Web Key Set. Keys are fetched when a delivery names one not seen yet (at most once a minute of business
/// time, so forged key ids cannot make the engine hammer the key set), and kept.
/// </summary>
public sealed class ShipStationSignatures(EngineOptions options, TimeProvider clock, ShipStationClient? warehouse = null) : IEngineCache
{
    public const string KeyIdHeader = "x-shipengine-rsa-sha256-key-id";
    public const string SignatureHeader = "x-shipengine-rsa-sha256-signature";
    public const string TimestampHeader = "x-shipengine-timestamp";

    private readonly ConcurrentDictionary<string, RSAParameters> _keys = new(StringComparer.Ordinal);
    private long _fetchedAtTicks = long.MinValue;

    /// <summary>Why the delivery is not ShipStation's, or null when it is.</summary>
    public async Task<string?> RefusalAsync(byte[] body, string keyId, string timestamp, string signature, CancellationToken ct)
    {
        if (warehouse is null)
        {
            return "no warehouse is configured.";
        }
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || (clock.GetUtcNow() - at).Duration() > options.Webhooks.SignatureTolerance)
        {
            return $"{TimestampHeader} '{timestamp}' is missing or too far from now (a replayed delivery).";
        }
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not base64.";
        }
        if (await KeyAsync(keyId, ct) is not { } key)
        {
            return $"{KeyIdHeader} '{keyId}' is not a key ShipStation publishes.";
        }
        using var rsa = RSA.Create(key);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{timestamp}."), .. body];
        return rsa.VerifyData(signed, given, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ? null
            : $"{SignatureHeader} is not ShipStation's signature of the timestamp and body.";
    }

    public void Forget()
    {
        _keys.Clear();
        Interlocked.Exchange(ref _fetchedAtTicks, long.MinValue);
    }

    private async Task<RSAParameters?> KeyAsync(string keyId, CancellationToken ct)
    {
        if (_keys.TryGetValue(keyId, out var known))
        {
            return known;
        }
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref _fetchedAtTicks);
        if ((last != long.MinValue && now - last < TimeSpan.TicksPerMinute) || Interlocked.CompareExchange(ref _fetchedAtTicks, now, last) != last)
        {
            return null;
        }
        var jwks = options.Webhooks.ShipStationJwksUrl ?? new Uri(options.WarehouseBaseUrl!, "jwks");
        try
        {
            foreach (var k in await warehouse!.SigningKeysAsync(jwks, ct))
            {
                if (k.Kty == "RSA")
                {
                    _keys[k.Kid] = new RSAParameters { Modulus = Base64Url.DecodeFromChars(k.N), Exponent = Base64Url.DecodeFromChars(k.E) };
                }
            }
        }
        catch (VendorCallException)
        {
            // The key set cannot be read now: the delivery is refused, ShipStation retries it later.
            return null;
        }
        return _keys.TryGetValue(keyId, out var fetched) ? fetched : null;
    }
}
