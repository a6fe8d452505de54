using System.Globalization;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Rules;
using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Customers;

/// <summary>
/// The customer fields a POST or PATCH may set, validated as the customer card validates them (lengths,
/// options, e-mail syntax, currency). Null leaves a field as it is.
/// </summary>
internal sealed record CustomerEdit
{
    public static readonly string[] Writable =
    [
        "displayName", "type", "addressLine1", "addressLine2", "city", "state", "country", "postalCode", "phoneNumber", "email",
        "website", "taxLiable", "currencyCode", "blocked",
    ];

    public static readonly string[] ReadOnly = ["id", "balanceDue", "taxAreaDisplayName", "lastModifiedDateTime"];

    /// <summary>On the vendor's page, not kept by this mirror: refused so that nothing is silently dropped.</summary>
    public static readonly string[] Unsupported =
        ["salespersonCode", "creditLimit", "taxAreaId", "taxRegistrationNumber", "currencyId", "paymentTermsId", "shipmentMethodId", "paymentMethodId"];

    public string? DisplayName { get; init; }

    public string? Type { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? State { get; init; }

    public string? Country { get; init; }

    public string? PostalCode { get; init; }

    public string? PhoneNumber { get; init; }

    public string? Email { get; init; }

    public string? Website { get; init; }

    public bool? TaxLiable { get; init; }

    public string? CurrencyCode { get; init; }

    public string? Blocked { get; init; }

    public static CustomerEdit Parse(RequestBody body, ErpCompany company) => new()
    {
        DisplayName = Text(body, "displayName", 100),
        Type = body.String("type") is { } type ? ContactType(type) : null,
        AddressLine1 = Text(body, "addressLine1", 100),
        AddressLine2 = Text(body, "addressLine2", 50),
        City = Text(body, "city", 30),
        State = Text(body, "state", 30),
        Country = Text(body, "country", 10)?.ToUpperInvariant(),
        PostalCode = Text(body, "postalCode", 20)?.ToUpperInvariant(),
        PhoneNumber = Text(body, "phoneNumber", 30),
        Email = Text(body, "email", 80) is { } email ? ValidEmail(email) : null,
        Website = Text(body, "website", 80),
        TaxLiable = body.Boolean("taxLiable"),
        CurrencyCode = Text(body, "currencyCode", 10) is { } currency ? Currency(currency, company) : null,
        Blocked = body.String("blocked") is { } blocked ? BlockedOption(blocked) : null,
    };

    /// <summary>Applies the fields and says what changed, for the mirror ledger.</summary>
    public IReadOnlyList<string> ApplyTo(CustomerRecord customer)
    {
        var changed = new List<string>();
        void Set<TValue>(string name, TValue? value, TValue current, Action<TValue> assign)
        {
            if (value is not null && !EqualityComparer<TValue>.Default.Equals(value, current))
            {
                assign(value);
                changed.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
            }
        }
        Set(nameof(DisplayName), DisplayName, customer.DisplayName, v => customer.DisplayName = v);
        Set(nameof(Type), Type, customer.Type, v => customer.Type = v);
        Set(nameof(AddressLine1), AddressLine1, customer.AddressLine1, v => customer.AddressLine1 = v);
        Set(nameof(AddressLine2), AddressLine2, customer.AddressLine2, v => customer.AddressLine2 = v);
        Set(nameof(City), City, customer.City, v => customer.City = v);
        Set(nameof(State), State, customer.State, v => customer.State = v);
        Set(nameof(Country), Country, customer.Country, v => customer.Country = v);
        Set(nameof(PostalCode), PostalCode, customer.PostalCode, v => customer.PostalCode = v);
        Set(nameof(PhoneNumber), PhoneNumber, customer.PhoneNumber, v => customer.PhoneNumber = v);
        Set(nameof(Email), Email, customer.Email, v =>
        {
            customer.Email = v;
            customer.EmailKey = v.ToUpperInvariant();
        });
        Set(nameof(Website), Website, customer.Website, v => customer.Website = v);
        if (TaxLiable is { } taxLiable && taxLiable != customer.TaxLiable)
        {
            customer.TaxLiable = taxLiable;
            changed.Add($"TaxLiable={taxLiable}");
        }
        Set(nameof(CurrencyCode), CurrencyCode, customer.CurrencyCode, v => customer.CurrencyCode = v);
        Set(nameof(Blocked), Blocked, customer.Blocked, v => customer.Blocked = v);
        return changed;
    }

    /// <summary>"No." is a Code[20]: BC upper-cases and trims it.</summary>
    public static string? Number(RequestBody body) => Text(body, "number", 20)?.Trim().ToUpperInvariant();

    private static string? Text(RequestBody body, string name, int max)
    {
        var value = body.String(name);
        if (value is not null && value.Length > max)
        {
            throw new VendorError(400, "Application_StringExceededLength",
                $"The length of the string is {value.Length}, but it must be less than or equal to {max} characters. Value: {value}");
        }
        return value;
    }

    private static string ContactType(string type) => type switch
    {
        "Person" or "Company" => type,
        _ => throw VendorError.BadRequest($"'{type}' is not an option. The existing options are: Company,Person"),
    };

    /// <summary>BC's JSON sends the blank option as " " and answers it as <c>_x0020_</c>.</summary>
    private static string BlockedOption(string blocked) => blocked switch
    {
        "" or " " or CustomerRules.NotBlocked => CustomerRules.NotBlocked,
        "Ship" or "Invoice" or "All" => blocked,
        _ => throw VendorError.BadRequest($"'{blocked}' is not an option. The existing options are:  ,Ship,Invoice,All"),
    };

    /// <summary>The customer card's e-mail check (Mail Management): one address, local part, @, a dotted domain, no spaces.</summary>
    private static string ValidEmail(string email)
    {
        if (email.Length == 0)
        {
            return email;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var valid = at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && email[(at + 1)..].Contains('.', StringComparison.Ordinal) && !email.Any(char.IsWhiteSpace)
            && !email.EndsWith('.') && !email.Contains(',', StringComparison.Ordinal) && !email.Contains(';', StringComparison.Ordinal);
        return valid ? email : throw VendorError.Dialog($"The email address \"{email}\" is not valid.");
    }

    /// <summary>The company has one currency: blank or its code (shown as the code, as BC shows the LCY code).</summary>
    private static string Currency(string code, ErpCompany company) =>
        code.Length == 0 || string.Equals(code, company.Currency, StringComparison.OrdinalIgnoreCase)
            ? company.Currency
            : throw VendorError.Dialog("The \"currencyCode\" does not match to a Currency.");
}
