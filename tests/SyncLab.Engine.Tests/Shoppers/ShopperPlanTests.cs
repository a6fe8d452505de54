using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Shoppers;

namespace SyncLab.Engine.Tests.Shoppers;

public sealed class ShopperPlanTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private static BcCustomerCard Card(string number, string? email, string name = "Ann Baker", string type = "Person", string? address = "12 Harbour Road") =>
        new(Guid.NewGuid(), number, name, type, email, address, string.Empty, "Portland", "OR", "US", "97201", "503-555-0100", "_x0020_", At, "W/\"1\"");

    private static ShopifyCustomer Shopper(string first = "Ann", string last = "Baker", string state = "SUBSCRIBED", IReadOnlyList<string>? tags = null) =>
        new("gid://shopify/Customer/1", "ann@example.com", first, last, null, tags ?? [], state,
            new ShopifyAddress(first, last, "12 Harbour Road", "Portland", "97201", "US", "503-555-0100", "OR"), At);

    private static BcWebCustomer Web(string? group) => new(Guid.NewGuid(), "C1", "ann@example.com", false, group, At, "W/\"1\"");

    [Theory]
    [InlineData("ann@example.com", "ann@example.com")]
    [InlineData("ANN@Example.COM", "ann@example.com")]
    [InlineData("  ann@example.com  ", "ann@example.com")]
    [InlineData("Ann@Example.com\t", "ann@example.com")]
    [InlineData(null, "")]
    public void an_email_is_trimmed_and_case_folded(string? keyed, string normalised) => Assert.Equal(normalised, ShopperEmail.Normalise(keyed));

    [Fact]
    public void a_blank_email_is_nobody_s() => Assert.False(ShopperEmail.Same("  ", ""));

    [Fact]
    public void the_card_with_the_same_email_in_other_letters_or_with_spaces_is_the_shopper_s()
    {
        var legacy = Card("C10020", " ANN@Example.com  ");
        Assert.Same(legacy, ShopperPlan.Match([Card("C10021", "annie@example.com"), legacy], "ann@example.com"));
    }

    [Fact]
    public void no_card_with_the_email_means_a_new_one() => Assert.Null(ShopperPlan.Match([Card("C10021", "annie@example.com")], "ann@example.com"));

    [Fact]
    public void two_cards_with_one_email_are_a_data_error_naming_both_never_a_guess()
    {
        var error = Assert.Throws<DataErrorException>(() => ShopperPlan.Match([Card("C10030", "ANN@example.com"), Card("C10020", "ann@example.com ")], "ann@example.com"));
        Assert.Contains("C10020, C10030", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ENABLED", false, true)]
    [InlineData("DISABLED", true, true)]
    [InlineData("DISABLED", false, false)]
    [InlineData("INVITED", false, false)]
    public void an_account_or_a_guest_with_an_order_that_stands_becomes_an_erp_customer(string state, bool liveOrder, bool becomes) =>
        Assert.Equal(becomes, ShopperPlan.BecomesErpCustomer(state, liveOrder));

    [Fact]
    public void a_card_that_already_says_what_the_storefront_says_needs_no_write() =>
        Assert.Empty(ShopperPlan.CardChanges(Shopper(), Card("C1", "ann@example.com"), isPerson: true));

    [Fact]
    public void a_person_s_new_name_and_address_go_to_the_card()
    {
        var changes = ShopperPlan.CardChanges(Shopper(last: "Smith"), Card("C1", "ann@example.com", address: "1 Old Lane"), isPerson: true);
        Assert.Equal("Ann Smith", (string?)changes["displayName"]);
        Assert.Equal("12 Harbour Road", (string?)changes["addressLine1"]);
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public void a_company_card_keeps_the_office_s_name() =>
        Assert.False(ShopperPlan.CardChanges(Shopper(), Card("C1", "ann@example.com", name: "Acme Ltd", type: "Company"), isPerson: false).ContainsKey("displayName"));

    [Theory]
    [InlineData("SUBSCRIBED", true)]
    [InlineData("PENDING", false)]
    [InlineData("UNSUBSCRIBED", false)]
    [InlineData("NOT_SUBSCRIBED", false)]
    public void only_a_subscribed_shopper_has_consented(string state, bool consents) => Assert.Equal(consents, ShopperPlan.Consents(state));

    [Fact]
    public void the_price_group_becomes_the_one_engine_tag_and_the_merchant_s_tags_stay()
    {
        var change = ShopperPlan.StorefrontChanges(Card("C1", "ann@example.com"), Web("trade"), Shopper(tags: ["vip-list", "price-group:RETAIL"]), true, ShopperRules.Default);
        Assert.Equal(["vip-list", "price-group:TRADE"], change.Tags);
        Assert.Null(change.LastName);
    }

    [Fact]
    public void a_blank_price_group_removes_the_tag_and_a_tag_already_right_is_not_written()
    {
        Assert.Equal(["vip-list"], ShopperPlan.StorefrontChanges(Card("C1", null), Web(""), Shopper(tags: ["vip-list", "price-group:VIP"]), true, ShopperRules.Default).Tags);
        Assert.True(ShopperPlan.StorefrontChanges(Card("C1", null), Web("VIP"), Shopper(tags: ["price-group:VIP"]), true, ShopperRules.Default).IsEmpty);
    }

    [Fact]
    public void a_person_renamed_in_the_erp_is_renamed_on_the_storefront_a_company_is_not()
    {
        var person = ShopperPlan.StorefrontChanges(Card("C1", null, name: "Ann van Dyke"), Web(null), Shopper(), true, ShopperRules.Default);
        Assert.Equal(("Ann", "van Dyke"), (person.FirstName, person.LastName));
        Assert.True(ShopperPlan.StorefrontChanges(Card("C1", null, name: "Acme Ltd", type: "Company"), Web(null), Shopper(), false, ShopperRules.Default).IsEmpty);
    }

    private static readonly Dictionary<string, string> Countries = new(StringComparer.OrdinalIgnoreCase) { ["UK"] = "GB", [""] = "US" };

    private static BcCustomerCard Moved(string? country, string? state = "", string street = "221B Baker Street", string city = "London") =>
        Card("C1", "ann@example.com") with { AddressLine1 = street, City = city, State = state, PostalCode = "NW1 6XE", Country = country };

    private static ShopifyCustomer WithAddresses(params ShopifyMailingAddress[] addresses) =>
        Shopper() with { Addresses = addresses, DefaultAddressId = addresses.Length > 0 ? addresses[0].Id : null };

    private static ShopifyMailingAddress Home(string id = "gid://shopify/MailingAddress/1") =>
        new(id, "Ann", "Baker", "Baker & Co", "12 Harbour Road", null, "Portland", "OR", "97201", "US", "503-555-0100");

    [Fact]
    public void the_card_s_new_address_is_the_default_with_the_storefront_s_names_and_phone_and_the_office_s_uk_as_gb()
    {
        var work = new ShopifyMailingAddress("gid://shopify/MailingAddress/2", "Ann", "Baker", null, "1 Dock St", null, "Salem", "OR", "97301", "US", null);
        var addresses = ShopperPlan.AddressChanges(Moved("UK"), WithAddresses(Home(), work), Countries)!;

        Assert.Equal(new ShopifyMailingAddress(null, "Ann", "Baker", "Baker & Co", "221B Baker Street", null, "London", null, "NW1 6XE", "GB", "503-555-0100"), addresses[0]);
        // customerUpdate replaces the list: the other address goes along (without its id), the old default does not.
        Assert.Equal([work with { Id = null }], addresses.Skip(1));
    }

    [Theory]
    [InlineData("", "US")]
    [InlineData(" gb ", "GB")]
    [InlineData("uk", "GB")]
    public void the_office_s_country_codes_map_and_a_blank_one_is_what_the_mapping_says(string keyed, string iso) =>
        Assert.Equal(iso, ShopperPlan.AddressChanges(Moved(keyed), WithAddresses(Home()), Countries)![0].CountryCode);

    [Fact]
    public void a_country_the_storefront_cannot_take_is_a_data_error_naming_the_card_and_the_code()
    {
        var error = Assert.Throws<DataErrorException>(() => ShopperPlan.AddressChanges(Moved("GBR"), WithAddresses(Home()), Countries));
        Assert.Contains("ERP customer C1: country 'GBR'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void the_same_address_as_the_card_holds_it_is_no_change()
    {
        // The card took the storefront's address: zip in capitals, a city cut to the card's 30 characters, the office's code.
        var home = Home() with { Zip = "nw1 6xe", City = "London Borough of Westminster City", CountryCode = "GB", ProvinceCode = null, Address1 = "221B Baker Street" };
        Assert.Null(ShopperPlan.AddressChanges(Moved("UK", city: "London Borough of Westminster C"), WithAddresses(home), Countries));
        Assert.Null(ShopperPlan.AddressChanges(Moved("UK", street: " "), WithAddresses(Home()), Countries));
    }

    [Theory]
    [InlineData("Oregon", "OR")]
    [InlineData(" oregon ", "OR")]
    [InlineData("or", "OR")]
    [InlineData("Ore.", "ORE.")]
    public void the_office_s_state_names_map_to_the_storefront_s_province_codes_and_others_go_as_they_are(string keyed, string code) =>
        Assert.Equal(code, ShopperPlan.AddressChanges(Moved("US", state: keyed, city: "Salem"), WithAddresses(Home()), Countries)![0].ProvinceCode);

    [Fact]
    public void a_card_that_holds_the_state_by_name_is_no_change_against_the_storefront_s_code()
    {
        var home = Home() with { Address1 = "221B Baker Street", City = "Salem", Zip = "NW1 6XE", CountryCode = "US" };
        Assert.Null(ShopperPlan.AddressChanges(Moved("US", state: "Oregon", city: "Salem"), WithAddresses(home), Countries));
        var shopper = Shopper() with { DefaultAddress = new ShopifyAddress("Ann", "Baker", "221B Baker Street", "Salem", "NW1 6XE", "US", null, "OR") };
        Assert.False(ShopperPlan.CardChanges(shopper, Moved("US", state: "Oregon", city: "Salem"), isPerson: true, Countries).ContainsKey("state"));
        Assert.Equal("WA", (string?)ShopperPlan.CardChanges(shopper with { DefaultAddress = shopper.DefaultAddress! with { ProvinceCode = "WA" } }, Moved("US", state: "Oregon", city: "Salem"), isPerson: true, Countries)["state"]);
    }

    [Fact]
    public void a_card_that_takes_the_storefront_s_gb_keeps_the_office_s_uk()
    {
        var shopper = Shopper() with { DefaultAddress = new ShopifyAddress("Ann", "Baker", "221B Baker Street", "London", "NW1 6XE", "GB", null) };
        Assert.False(ShopperPlan.CardChanges(shopper, Moved("UK", state: null), isPerson: true, Countries).ContainsKey("country"));
        Assert.Equal("GB", (string?)ShopperPlan.CardChanges(shopper, Moved("IE", state: null), isPerson: true, Countries)["country"]);
    }
}
