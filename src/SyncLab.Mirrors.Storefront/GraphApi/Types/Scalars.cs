using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SyncLab.Mirrors.Storefront.GraphApi.Types;

/// <summary>Shopify's Money scalar: a decimal amount sent and received as a string ("12.50"); numbers are accepted on input.</summary>
public sealed class MoneyGraphType : ScalarGraphType
{
    public MoneyGraphType()
    {
        Name = "Money";
        Description = "A monetary value string without a currency symbol or code, e.g. \"12.50\".";
    }

    public static string Format(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => Format(d),
        _ => Format(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        string s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new FormatException($"'{s}' is not a valid Money amount."),
        int or long or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLIntValue i => ParseValue(new string(i.Value.Span)),
        GraphQLFloatValue f => ParseValue(new string(f.Value.Span)),
        _ => base.ParseLiteral(value),
    };

    public override bool CanParseLiteral(GraphQLValue value)
    {
        try
        {
            _ = ParseLiteral(value);
            return true;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            return false;
        }
    }
}

/// <summary>Shopify's DateTime scalar: ISO-8601 in UTC, to the second ("2026-11-02T09:00:00Z").</summary>
public sealed class ShopifyDateTimeGraphType : ScalarGraphType
{
    public ShopifyDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An ISO-8601 encoded UTC date time string.";
    }

    public static string Format(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => Format(d),
        DateTime d => Format(new DateTimeOffset(d, TimeSpan.Zero)),
        string s => s,
        _ => ThrowSerializationError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d,
        string s => DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)
            ? d
            : throw new FormatException($"'{s}' is not an ISO-8601 date time."),
        _ => ThrowValueConversionError(value),
    };
}

/// <summary>Shopify's URL scalar: an absolute URL string.</summary>
public sealed class UrlGraphType : ScalarGraphType
{
    public UrlGraphType()
    {
        Name = "URL";
        Description = "An RFC 3986 and RFC 3987 compliant URI string.";
    }

    public override object? Serialize(object? value) => value?.ToString();

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when Uri.TryCreate(s, UriKind.Absolute, out _) => s,
        Uri u => u.ToString(),
        _ => ThrowValueConversionError(value),
    };
}

/// <summary>Shopify's HTML scalar: a string of HTML (Product.descriptionHtml).</summary>
public sealed class HtmlGraphType : ScalarGraphType
{
    public HtmlGraphType()
    {
        Name = "HTML";
        Description = "A string containing HTML code.";
    }

    public override object? Serialize(object? value) => value?.ToString();

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => ThrowValueConversionError(value),
    };
}

/// <summary>
/// Shopify's Decimal scalar (MoneyV2.amount): arbitrary precision, serialized as a string with at least one
/// decimal place, the way Shopify prints it ("12.5", "18.0", "29.99").
/// </summary>
public sealed class ShopifyDecimalGraphType : ScalarGraphType
{
    public ShopifyDecimalGraphType()
    {
        Name = "Decimal";
        Description = "A signed decimal number, which supports arbitrary precision and is serialized as a string.";
    }

    public static string Format(decimal value) => value.ToString("0.0###########", CultureInfo.InvariantCulture);

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        decimal d => Format(d),
        _ => Format(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) => d,
        int or long or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };
}

/// <summary>Shopify's UnsignedInt64 scalar (legacyResourceId, counts): a whole number sent as a string of digits.</summary>
public sealed class UnsignedInt64GraphType : ScalarGraphType
{
    public UnsignedInt64GraphType()
    {
        Name = "UnsignedInt64";
        Description = "An unsigned 64-bit integer, encoded as a string of base-10 digits.";
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => Convert.ToUInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s when ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        int or long or uint or ulong => Convert.ToUInt64(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };
}
