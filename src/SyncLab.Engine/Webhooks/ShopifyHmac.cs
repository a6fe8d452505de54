using System.Security.Cryptography;
using System.Text;

namespace SyncLab.Engine.Webhooks;

/// <summary>Shopify's webhook signature: X-Shopify-Hmac-Sha256 is the base64 HMAC-SHA256 of the raw body keyed with the app's secret.</summary>
public static class ShopifyHmac
{
    public static bool SignedBy(byte[] body, string signature, string secret)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        byte[] given;
        try
        {
            given = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        // Constant time: a receiver that answers faster for a closer guess leaks the signature.
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
