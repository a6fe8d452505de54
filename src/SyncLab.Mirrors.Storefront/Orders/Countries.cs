namespace SyncLab.Mirrors.Storefront.Orders;

/// <summary>
/// The countries the staging shop ships to (a subset of Shopify's CountryCode enum), and the province
/// names of the two it has provinces for. Webhooks carry both the code and the name, as Shopify's do.
/// </summary>
public static class Countries
{
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["US"] = "United States", ["CA"] = "Canada", ["MX"] = "Mexico", ["GB"] = "United Kingdom", ["IE"] = "Ireland",
        ["DE"] = "Germany", ["FR"] = "France", ["NL"] = "Netherlands", ["BE"] = "Belgium", ["LU"] = "Luxembourg",
        ["AT"] = "Austria", ["CH"] = "Switzerland", ["IT"] = "Italy", ["ES"] = "Spain", ["PT"] = "Portugal",
        ["DK"] = "Denmark", ["SE"] = "Sweden", ["NO"] = "Norway", ["FI"] = "Finland", ["PL"] = "Poland",
        ["CZ"] = "Czechia", ["AU"] = "Australia", ["NZ"] = "New Zealand", ["JP"] = "Japan",
    };

    private static readonly Dictionary<string, string> UsStates = new(StringComparer.Ordinal)
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California", ["CO"] = "Colorado",
        ["CT"] = "Connecticut", ["DE"] = "Delaware", ["DC"] = "District of Columbia", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa", ["KS"] = "Kansas",
        ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland", ["MA"] = "Massachusetts",
        ["MI"] = "Michigan", ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri", ["MT"] = "Montana",
        ["NE"] = "Nebraska", ["NV"] = "Nevada", ["NH"] = "New Hampshire", ["NJ"] = "New Jersey", ["NM"] = "New Mexico",
        ["NY"] = "New York", ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio", ["OK"] = "Oklahoma",
        ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina", ["SD"] = "South Dakota",
        ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont", ["VA"] = "Virginia", ["WA"] = "Washington",
        ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
    };

    private static readonly Dictionary<string, string> CaProvinces = new(StringComparer.Ordinal)
    {
        ["AB"] = "Alberta", ["BC"] = "British Columbia", ["MB"] = "Manitoba", ["NB"] = "New Brunswick",
        ["NL"] = "Newfoundland and Labrador", ["NS"] = "Nova Scotia", ["NT"] = "Northwest Territories", ["NU"] = "Nunavut",
        ["ON"] = "Ontario", ["PE"] = "Prince Edward Island", ["QC"] = "Quebec", ["SK"] = "Saskatchewan", ["YT"] = "Yukon",
    };

    /// <summary>Countries that need a province (state) on an address.</summary>
    public static bool NeedsProvince(string countryCode) => countryCode is "US" or "CA";

    /// <summary>The province's name, or null when the code is not one of the country's provinces.</summary>
    public static string? Province(string countryCode, string? provinceCode) => (countryCode, provinceCode) switch
    {
        (_, null) => null,
        ("US", var code) => UsStates.GetValueOrDefault(code),
        ("CA", var code) => CaProvinces.GetValueOrDefault(code),
        (_, var code) => code,
    };
}
