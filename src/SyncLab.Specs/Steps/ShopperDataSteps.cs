using System.Globalization;
using System.Text.Json.Nodes;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class ShopperDataSteps(ShopperDataDriver shoppers, ScenarioItems items, EngineDriver engine, FaultDriver faults, StagingConnection staging)
{
    // ---- shoppers on the storefront ----

    [When(@"^a shopper ""([^""]+)"" named ""([^""]+)"" checks out on the storefront, (subscribing to|declining) marketing$")]
    public async Task WhenAShopperChecksOut(string shopper, string name, string marketing)
    {
        var item = await items.TakeWebItemAsync($"item of {shopper}");
        await shoppers.CheckOutAsync(shopper, name, marketing == "subscribing to", item.Sku);
    }

    [When(@"^""([^""]+)"" changes their name on the storefront to ""([^""]+)""$")]
    public Task WhenTheShopperRenames(string shopper, string name) => shoppers.RenameOnStorefrontAsync(shopper, name);

    [When(@"^""([^""]+)"" (subscribes to|unsubscribes from) marketing on the storefront$")]
    public Task WhenTheShopperSetsMarketing(string shopper, string choice) => shoppers.SetMarketingAsync(shopper, choice == "subscribes to");

    [Given(@"^the merchant tags ""([^""]+)"" ""([^""]+)"" on the storefront$")]
    public Task GivenTheMerchantTags(string shopper, string tag) => shoppers.TagOnStorefrontAsync(shopper, tag);

    [Given(@"^the storefront's compliance webhooks go to the engine$")]
    public Task GivenComplianceWebhooksGoToTheEngine() => shoppers.SendComplianceWebhooksToTheEngineAsync();

    [When(@"^""([^""]+)"" asks the shop to erase their data$")]
    public async Task WhenTheShopperAsksForErasure(string shopper)
    {
        await shoppers.RequestErasureAsync(shopper);
        await engine.AwaitQuiescenceAsync();
    }

    [When(@"^""([^""]+)"" asks the shop for their data$")]
    public async Task WhenTheShopperAsksForTheirData(string shopper)
    {
        await shoppers.RequestDataAsync(shopper);
        await engine.AwaitQuiescenceAsync();
    }

    // ---- the office in the ERP ----

    [When(@"^the office moves the ERP customer of ""([^""]+)"" to ""([^""]+)"", ""([^""]+)"" ""([^""]+)"" in country ""([^""]*)""$")]
    public Task WhenTheOfficeMovesTheCustomer(string shopper, string street, string city, string postCode, string country) =>
        shoppers.MoveInErpAsync(shopper, street, city, postCode, country);

    [When(@"^the office moves the ERP customer of ""([^""]+)"" to ""([^""]+)"", ""([^""]+)"", state ""([^""]+)"" ""([^""]+)"" in country ""([^""]*)""$")]
    public Task WhenTheOfficeMovesTheCustomerWithAState(string shopper, string street, string city, string state, string postCode, string country) =>
        shoppers.MoveInErpAsync(shopper, street, city, postCode, country, state);

    [Given(@"^the office has keyed a customer card for ""([^""]+)"" with the e-mail ""([^""]+)""$")]
    public async Task GivenTheOfficeKeyedACard(string shopper, string keyed)
    {
        // The e-mail as the office typed it (case drift), made this run's own on a shared staging as the shopper's is.
        shoppers.NameCard(shopper, await shoppers.KeyCustomerAsync("Legacy Card", items.Shopper(keyed)));
    }

    [Given(@"^the office has keyed two customer cards with the e-mail of ""([^""]+)"", one as ""([^""]+)""$")]
    public async Task GivenTwoCards(string shopper, string keyed)
    {
        shoppers.KeyedCards(shopper).Add(await shoppers.KeyCustomerAsync("First Card", items.Shopper(shopper)));
        shoppers.KeyedCards(shopper).Add(await shoppers.KeyCustomerAsync("Second Card", items.Shopper(keyed)));
    }

    [Given(@"^the office has keyed a company card ""([^""]+)"" for ""([^""]+)"" in price group ""([^""]+)""$")]
    public async Task GivenACompanyCard(string company, string shopper, string group)
    {
        shoppers.NameCard(shopper, await shoppers.KeyCustomerAsync(company, items.Shopper(shopper), "Company"));
        await shoppers.SetPriceGroupAsync(shopper, group);
    }

    [When(@"^the office puts the ERP customer of ""([^""]+)"" in price group ""([^""]*)""$")]
    public Task WhenTheOfficeSetsThePriceGroup(string shopper, string group) => shoppers.SetPriceGroupAsync(shopper, group);

    [When(@"^the office renames the ERP customer of ""([^""]+)"" to ""([^""]+)""$")]
    public Task WhenTheOfficeRenames(string shopper, string name) => shoppers.RenameInErpAsync(shopper, name);

    [Given(@"^the ERP's customer pages are down$")]
    public Task GivenTheCustomerPagesAreDown() => shoppers.CustomerPagesDownAsync();

    [When(@"^the ERP's customer pages are back$")]
    public Task WhenTheCustomerPagesAreBack() => faults.ClearAsync(staging.Erp);

    // ---- what the ERP has ----

    [Then(@"^the ERP customer of ""([^""]+)"" is named ""([^""]+)""$")]
    public async Task ThenTheCardIsNamed(string shopper, string name) =>
        Same(name, (string?)(await shoppers.CardAsync(shopper))["displayName"], $"name of the ERP customer of {shopper}");

    [Then(@"^the ERP customer of ""([^""]+)"" has the address ""([^""]+)""$")]
    public async Task ThenTheCardHasTheAddress(string shopper, string address)
    {
        var card = await shoppers.CardAsync(shopper);
        Same(address, $"{(string?)card["addressLine1"]}, {(string?)card["city"]} {(string?)card["state"]} {(string?)card["postalCode"]}", $"address of the ERP customer of {shopper}");
    }

    [Then(@"^the ERP customer of ""([^""]+)"" still says country ""([^""]*)""$")]
    public async Task ThenTheCardKeepsItsCountry(string shopper, string country) =>
        Same(country, (string?)(await shoppers.CardAsync(shopper))["country"], $"country of the ERP customer of {shopper}");

    [Then(@"^the ERP customer of ""([^""]+)"" has (given|not given) marketing consent$")]
    public async Task ThenTheCardHasConsent(string shopper, string consent) =>
        Same(consent == "given", (bool?)(await shoppers.WebCardAsync(shopper))["marketingConsent"], $"marketing consent of the ERP customer of {shopper}");

    [Then(@"^the ERP customer of ""([^""]+)"" is erased$")]
    public async Task ThenTheCardIsErased(string shopper) =>
        ExpectErased(shopper, await shoppers.CardAsync(shopper), await shoppers.WebCardAsync(shopper));

    [Then(@"^both cards the office keyed with the e-mail of ""([^""]+)"" are erased and reported$")]
    public async Task ThenBothKeyedCardsAreErased(string shopper)
    {
        var numbers = shoppers.KeyedCards(shopper);
        Expect.That(numbers.Count == 2, $"the office keyed {numbers.Count} cards for {shopper}, expected 2");
        var erasures = await shoppers.ErasuresAsync();
        foreach (var number in numbers)
        {
            var (card, web) = await shoppers.CardByNumberAsync(number);
            ExpectErased(number, card, web);
            Expect.That(erasures.Count(r => (string?)r["customerNumber"] == number && (string?)r["outcome"] == "erased") == 1, $"the engine does not report {number} as erased once");
        }
    }

    [Then(@"^the ERP customer of ""([^""]+)"" keeps name and address for the books, without e-mail, phone or marketing consent$")]
    public async Task ThenTheCardIsRestricted(string shopper)
    {
        var card = await shoppers.CardAsync(shopper);
        var web = await shoppers.WebCardAsync(shopper);
        Expect.That(
            (string?)card["displayName"] != "Erased customer" && !string.IsNullOrEmpty((string?)card["addressLine1"])
            && (string?)card["email"] == string.Empty && (string?)card["phoneNumber"] == string.Empty && (string?)card["blocked"] == "All"
            && (bool?)web["marketingConsent"] == false,
            $"the ERP customer of {shopper} is not restricted as the books need it: {card.ToJsonString()} {web.ToJsonString()}");
    }

    [Then(@"^the ERP customer of ""([^""]+)"" is kept as it is$")]
    public async Task ThenTheCardIsKept(string shopper)
    {
        var card = await shoppers.CardAsync(shopper);
        Expect.That((string?)card["email"] == items.Shopper(shopper) && (string?)card["blocked"] != "All", $"the ERP customer of {shopper} was changed: {card.ToJsonString()}");
    }

    [Then(@"^the ERP customer of ""([^""]+)"" does not change when the engine polls (\d+) more times$")]
    public async Task ThenTheCardDoesNotChange(string shopper, int polls)
    {
        var before = (string?)(await shoppers.CardAsync(shopper))["lastModifiedDateTime"];
        for (var i = 0; i < polls; i++)
        {
            await engine.RunNextPollAsync();
        }
        Same(before, (string?)(await shoppers.CardAsync(shopper))["lastModifiedDateTime"], $"last change of the ERP customer of {shopper}");
    }

    // ---- what the storefront shows ----

    [Then(@"^the storefront customer ""([^""]+)"" has the tags ""([^""]*)""$")]
    public async Task ThenTheShopperHasTags(string shopper, string tags)
    {
        var actual = (await shoppers.StorefrontCustomerAsync(shopper))["tags"]!.AsArray().Select(t => (string)t!).Order(StringComparer.Ordinal);
        var expected = tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        Same(string.Join(", ", expected), string.Join(", ", actual), $"tags of the storefront customer {shopper}");
    }

    [Then(@"^the storefront customer ""([^""]+)"" is named ""([^""]+)""$")]
    public async Task ThenTheShopperIsNamed(string shopper, string name)
    {
        var node = await shoppers.StorefrontCustomerAsync(shopper);
        Same(name, $"{(string?)node["firstName"]} {(string?)node["lastName"]}".Trim(), $"name of the storefront customer {shopper}");
    }

    [Then(@"^the storefront customer ""([^""]+)"" has the default address ""([^""]+)"" and no other$")]
    public async Task ThenTheShopperHasTheDefaultAddress(string shopper, string address)
    {
        var node = await shoppers.StorefrontCustomerAsync(shopper);
        var home = node["defaultAddress"];
        var province = (string?)home?["provinceCode"] is { Length: > 0 } code ? $" {code}" : string.Empty;
        var actual = home is null ? "none" : $"{(string?)home["address1"]}, {(string?)home["city"]}{province} {(string?)home["zip"]} {(string?)home["countryCodeV2"]}";
        Same(address, actual, $"default address of the storefront customer {shopper}");
        Same(1, node["addresses"]!.AsArray().Count, $"addresses of the storefront customer {shopper}");
    }

    // ---- what the engine reports ----

    [Then(@"^the engine's data report for ""([^""]+)"" names their ERP customer, their web order and their marketing consent ""([^""]+)""$")]
    public async Task ThenTheDataReportNames(string shopper, string consent)
    {
        var report = await shoppers.DataReportAsync(shopper) ?? throw new InvalidOperationException($"the engine has no data report for {shopper}");
        var number = (string)(await shoppers.CardAsync(shopper))["number"]!;
        var order = shoppers.OrderId(shopper);
        Expect.That(
            report["erpCustomers"]!.AsArray().Any(c => (string?)c!["number"] == number)
            && report["workItems"]!.AsArray().Any(w => (string?)w!["process"] == "orders" && (string?)w["key"] == order)
            && (string?)report["marketingConsent"]?["marketingState"] == consent,
            $"the data report for {shopper} should name ERP customer {number}, order {order} and consent {consent}: {report.ToJsonString()}");
    }

    [Then(@"^the engine keeps the data report for ""([^""]+)"" until (\d{4}-\d{2}-\d{2})$")]
    public async Task ThenTheDataReportIsKeptUntil(string shopper, string until)
    {
        var report = await shoppers.DataReportAsync(shopper) ?? throw new InvalidOperationException($"the engine has no data report for {shopper}");
        Same(until, ((string?)report["availableUntil"])?[..10], $"end of the data report for {shopper}");
    }

    [Then(@"^the engine holds no data report for ""([^""]+)""$")]
    public async Task ThenNoDataReport(string shopper) =>
        Expect.That(await shoppers.DataReportAsync(shopper) is null, $"the engine still holds a data report for {shopper}");

    [Then(@"^the engine reports a data error for the shopper ""([^""]+)"" saying ""([^""]+)""$")]
    public async Task ThenADataErrorForTheShopper(string shopper, string text)
    {
        var key = (string)(await shoppers.StorefrontCustomerAsync(shopper))["id"]!;
        var errors = await engine.DataErrorsAsync(key);
        Expect.That(errors.Any(e => e.Message.Contains(text, StringComparison.OrdinalIgnoreCase)),
            $"expected a data error for {shopper} saying \"{text}\"; the engine reports: {(errors.Count == 0 ? "none" : string.Join("; ", errors.Select(e => e.Message)))}");
    }

    [Then(@"^the engine reports the ERP customer of ""([^""]+)"" as (erased|restricted)$")]
    public Task ThenTheEngineReportsTheErasure(string shopper, string outcome) => ThenTheEngineReportsTheErasureUntil(shopper, outcome, null);

    [Then(@"^the engine reports the ERP customer of ""([^""]+)"" as (erased|restricted) until (\d{4}-\d{2}-\d{2})$")]
    public async Task ThenTheEngineReportsTheErasureUntil(string shopper, string outcome, string? until)
    {
        var number = (string)(await shoppers.CardAsync(shopper))["number"]!;
        var records = (await shoppers.ErasuresAsync()).Where(r => (string?)r["customerNumber"] == number).ToList();
        Expect.That(records.Count == 1 && (string?)records[0]["outcome"] == outcome && (until is null || (string?)records[0]["retainedUntil"] == until),
            $"expected one erasure record of {number}: {outcome}{(until is null ? string.Empty : " until " + until)}; the engine reports {string.Join("; ", records.Select(r => r.ToJsonString()))}");
    }

    [Then(@"^the engine reports no erasure of the ERP customer of ""([^""]+)""$")]
    public async Task ThenNoErasure(string shopper)
    {
        var number = (string)(await shoppers.CardAsync(shopper))["number"]!;
        var records = (await shoppers.ErasuresAsync()).Where(r => (string?)r["customerNumber"] == number).ToList();
        Expect.That(records.Count == 0, $"unexpected erasure of {number}: {string.Join("; ", records.Select(r => r.ToJsonString()))}");
    }

    [Then(@"^the engine reports the yearly purge of (\d{4}) once$")]
    public async Task ThenThePurgeRanOnce(int year)
    {
        var purges = (await shoppers.PurgesAsync()).Where(p => (int?)p["year"] == year).ToList();
        Expect.That(purges.Count == 1, $"expected one purge of {year.ToString(CultureInfo.InvariantCulture)}; the engine reports {purges.Count}");
    }

    private static void Same<T>(T expected, T actual, string what) =>
        Expect.That(EqualityComparer<T>.Default.Equals(expected, actual), $"{what}: expected {expected}, found {actual}");

    private static void ExpectErased(string who, JsonNode card, JsonNode web) =>
        Expect.That(
            (string?)card["displayName"] == "Erased customer" && (string?)card["email"] == string.Empty && (string?)card["phoneNumber"] == string.Empty
            && (string?)card["addressLine1"] == string.Empty && (string?)card["city"] == string.Empty && (string?)card["blocked"] == "All"
            && (bool?)web["marketingConsent"] == false && (string?)web["priceGroup"] == string.Empty,
            $"the ERP customer of {who} is not erased: {card.ToJsonString()} {web.ToJsonString()}");
}
