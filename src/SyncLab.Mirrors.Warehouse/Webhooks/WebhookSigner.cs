using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SyncLab.Mirrors.Warehouse.Webhooks;

/// <summary>
/// ShipStation's webhook signature: RSA-SHA256 (PKCS#1 v1.5) over <c>{x-shipengine-timestamp}.{raw body}</c>,
/// base64 in <c>x-shipengine-rsa-sha256-signature</c>, the key named by <c>x-shipengine-rsa-sha256-key-id</c>
/// and published as a JSON Web Key Set (ShipStation's at https://api.shipengine.com/jwks; this mirror's
/// at <c>GET /jwks</c>). One key pair per mirror instance, made at start-up.
/// </summary>
public sealed class WebhookSigner : IDisposable
{
    public const string KeyIdHeader = "x-shipengine-rsa-sha256-key-id";
    public const string SignatureHeader = "x-shipengine-rsa-sha256-signature";
    public const string TimestampHeader = "x-shipengine-timestamp";

    // Made on first use (a 2048-bit key takes a while), so a mirror that never sends a webhook starts as fast as before.
    private readonly Lazy<Key> _key = new(() => new Key(RSA.Create(2048)));

    public string KeyId => _key.Value.Id;

    /// <summary>The public modulus, base64url (the JWK's <c>n</c>).</summary>
    public string Modulus => _key.Value.N;

    /// <summary>The public exponent, base64url (the JWK's <c>e</c>).</summary>
    public string Exponent => _key.Value.E;

    public string Sign(string timestamp, string body) =>
        Convert.ToBase64String(_key.Value.Rsa.SignData(Encoding.UTF8.GetBytes($"{timestamp}.{body}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public void Dispose()
    {
        if (_key.IsValueCreated)
        {
            _key.Value.Rsa.Dispose();
        }
    }

    /// <summary><c>GET /jwks</c>: the public key, as ShipStation publishes its own (no api-key needed).</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/jwks", (WebhookSigner signer) => TypedResults.Json(new JsonWebKeys([new JsonWebKeyView("RSA", signer.KeyId, "sig", "RS256", signer.Modulus, signer.Exponent)])));
}

internal sealed record Key(RSA Rsa)
{
    private readonly RSAParameters _public = Rsa.ExportParameters(includePrivateParameters: false);

    public string N => Base64Url.EncodeToString(_public.Modulus);

    public string E => Base64Url.EncodeToString(_public.Exponent);

    public string Id => "synclab-" + Convert.ToHexStringLower(SHA256.HashData(_public.Modulus!))[..16];
}

public sealed record JsonWebKeys(IReadOnlyList<JsonWebKeyView> Keys);

/// <summary>One RSA public key as a JWK (RFC 7517).</summary>
public sealed record JsonWebKeyView(string Kty, string Kid, string Use, string Alg, string N, string E);
