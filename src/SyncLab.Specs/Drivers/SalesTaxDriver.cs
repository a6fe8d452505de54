using System.Globalization;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// Sales tax rates: the storefront's (what checkout charges from an instant on) and the ERP's tax setup (what the
/// office keys, effective from a day), through each mirror's business actions.
/// </summary>
public sealed class SalesTaxDriver(StagingConnection staging)
{
    /// <summary>A long-ago start for "the rate until now", so a scenario states both rates whatever the defaults.</summary>
    public const string Always = "2000-01-01";

    /// <summary>Checkout charges <paramref name="percent"/> % from <paramref name="from"/> on.</summary>
    public Task StorefrontChargesAsync(decimal percent, DateTimeOffset from) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Storefront, "_synclab/storefront/tax-rates"), new { rate = percent / 100m, effectiveFrom = from });

    /// <summary>The office keys <paramref name="percent"/> % in the ERP's tax setup, effective on <paramref name="day"/>.</summary>
    public Task ErpTaxesAsync(decimal percent, string day) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(staging.Erp, $"_synclab/erp/sales-tax-rates/{day}"), new { taxPercent = percent });

    /// <summary>The local day of an instant in a zone, as the ERP's effective dates are written.</summary>
    public static string Day(DateTimeOffset at, string zoneId) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(zoneId)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
