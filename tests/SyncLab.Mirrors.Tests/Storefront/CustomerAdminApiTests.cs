using Xunit;

namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>Customers made at checkout, as the Admin API shows and changes them. Each test starts from the seeded shop.</summary>
public sealed class CustomerAdminApiTests(WebhookStorefrontHost host) : IClassFixture<WebhookStorefrontHost>
{
    private const string CustomerByEmail = """
        query($q: String!) {
          customers(first: 5, query: $q) { nodes {
            id email firstName lastName displayName phone tags state numberOfOrders
            emailMarketingConsent { marketingState marketingOptInLevel consentUpdatedAt }
            defaultAddress { address1 city provinceCode zip countryCodeV2 formatted }
            addresses { id }
          } }
        }
        """;

    [Fact]
    public async Task a_shopper_who_ticks_the_marketing_box_is_a_subscribed_customer_found_by_email()
    {
        await host.ResetAllAsync();
        var sku = host.WebSkus[16];
        await host.SetAvailableAsync(sku, 5);
        await host.PlaceOrderAsync(new
        {
            email = "news@example.com",
            acceptsMarketing = true,
            shippingAddress = new { firstName = "Nia", lastName = "News", address1 = "9 Letter Rd", city = "Austin", provinceCode = "TX", zip = "73301", countryCode = "US" },
            lines = new[] { new { sku, quantity = 1 } },
        });

        var customer = Assert.Single((await host.DataAsync(CustomerByEmail, new { q = "email:news@example.com" })).GetProperty("customers").GetProperty("nodes").EnumerateArray());

        Assert.Equal(("Nia", "News", "Nia News"), (customer.GetProperty("firstName").GetString(), customer.GetProperty("lastName").GetString(), customer.GetProperty("displayName").GetString()));
        Assert.Equal("DISABLED", customer.GetProperty("state").GetString());
        Assert.Equal("1", customer.GetProperty("numberOfOrders").GetString());
        var consent = customer.GetProperty("emailMarketingConsent");
        Assert.Equal(("SUBSCRIBED", "SINGLE_OPT_IN", host.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)),
            (consent.GetProperty("marketingState").GetString(), consent.GetProperty("marketingOptInLevel").GetString(), consent.GetProperty("consentUpdatedAt").GetString()));
        Assert.Equal(("Austin", "TX", "US"), (customer.GetProperty("defaultAddress").GetProperty("city").GetString(),
            customer.GetProperty("defaultAddress").GetProperty("provinceCode").GetString(), customer.GetProperty("defaultAddress").GetProperty("countryCodeV2").GetString()));
        Assert.Empty((await host.DataAsync(CustomerByEmail, new { q = "email:nobody@example.com" })).GetProperty("customers").GetProperty("nodes").EnumerateArray());
    }

    [Fact]
    public async Task customer_update_changes_names_and_tags_but_sends_consent_to_its_own_mutation()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("CUSTOMERS_UPDATE", "CUSTOMERS_EMAIL_MARKETING_CONSENT_UPDATE");
        var sku = host.WebSkus[17];
        await host.SetAvailableAsync(sku, 5);
        var customerId = (await host.OrderSkuAsync(sku, 1, "rename@example.com")).GetProperty("customerId").GetString();

        var update = (await host.DataAsync(
            "mutation($input: CustomerInput!) { customerUpdate(input: $input) { customer { firstName lastName tags } userErrors { field message } } }",
            new { input = new { id = customerId, firstName = "Renée", lastName = "Named", tags = new[] { "vip", "wholesale" } } })).GetProperty("customerUpdate");
        var consentThroughUpdate = (await host.DataAsync(
            "mutation($input: CustomerInput!) { customerUpdate(input: $input) { userErrors { field message } } }",
            new { input = new { id = customerId, emailMarketingConsent = new { marketingState = "SUBSCRIBED" } } })).GetProperty("customerUpdate");
        var consent = (await host.DataAsync(
            """
            mutation($input: CustomerEmailMarketingConsentUpdateInput!) {
              customerEmailMarketingConsentUpdate(input: $input) { customer { emailMarketingConsent { marketingState marketingOptInLevel } } userErrors { field message code } }
            }
            """,
            new { input = new { customerId, emailMarketingConsent = new { marketingState = "SUBSCRIBED", marketingOptInLevel = "CONFIRMED_OPT_IN" } } }))
            .GetProperty("customerEmailMarketingConsentUpdate");

        Assert.Empty(update.GetProperty("userErrors").EnumerateArray());
        Assert.Equal(["vip", "wholesale"], update.GetProperty("customer").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("customerEmailMarketingConsentUpdate", consentThroughUpdate.GetProperty("userErrors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(consent.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("CONFIRMED_OPT_IN", consent.GetProperty("customer").GetProperty("emailMarketingConsent").GetProperty("marketingOptInLevel").GetString());
        await host.DeliveryAsync("customers/update", c => c.GetProperty("first_name").GetString() == "Renée");
        var (_, webhook, _) = await host.DeliveryAsync("customers/email_marketing_consent_update");
        Assert.Equal("subscribed", webhook.GetProperty("email_marketing_consent").GetProperty("state").GetString());
        Assert.Equal("rename@example.com", webhook.GetProperty("email_address").GetString());
    }
    [Fact]
    public async Task customer_update_addresses_replace_the_list_keeping_identical_ones_and_the_first_is_the_default()
    {
        await host.ResetAllAsync();
        await host.SubscribeAsync("CUSTOMERS_UPDATE");
        var sku = host.WebSkus[18];
        await host.SetAvailableAsync(sku, 5);
        await host.PlaceOrderAsync(new
        {
            email = "moves@example.com",
            shippingAddress = new { firstName = "Mo", lastName = "Ves", address1 = "1 Old Rd", city = "Austin", provinceCode = "TX", zip = "73301", countryCode = "US" },
            lines = new[] { new { sku, quantity = 1 } },
        });
        var before = Assert.Single((await host.DataAsync(CustomerByEmail, new { q = "email:moves@example.com" })).GetProperty("customers").GetProperty("nodes").EnumerateArray());
        var customerId = before.GetProperty("id").GetString();
        var oldId = Assert.Single(before.GetProperty("addresses").EnumerateArray()).GetProperty("id").GetString();
        const string Update = """
            mutation($input: CustomerInput!) { customerUpdate(input: $input) {
              customer { defaultAddress { id address1 city provinceCode zip countryCodeV2 } addresses { id address1 } }
              userErrors { field message }
            } }
            """;
        var old = new { firstName = "Mo", lastName = "Ves", address1 = "1 Old Rd", city = "Austin", provinceCode = "TX", zip = "73301", countryCode = "US" };
        var moved = new { firstName = "Mo", lastName = "Ves", address1 = "2 New St", city = "London", zip = "SW1A 1AA", countryCode = "GB" };

        var both = (await host.DataAsync(Update, new { input = new { id = customerId, addresses = new object[] { moved, old, moved } } })).GetProperty("customerUpdate");
        Assert.Empty(both.GetProperty("userErrors").EnumerateArray());
        var defaultAddress = both.GetProperty("customer").GetProperty("defaultAddress");
        Assert.Equal(("2 New St", "London", "SW1A 1AA", "GB"), (defaultAddress.GetProperty("address1").GetString(), defaultAddress.GetProperty("city").GetString(),
            defaultAddress.GetProperty("zip").GetString(), defaultAddress.GetProperty("countryCodeV2").GetString()));
        var listed = both.GetProperty("customer").GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(oldId, listed);
        var newId = defaultAddress.GetProperty("id").GetString();
        await host.DeliveryAsync("customers/update", c => c.GetProperty("default_address").GetProperty("address1").GetString() == "2 New St");

        var only = (await host.DataAsync(Update, new { input = new { id = customerId, addresses = new object[] { moved } } })).GetProperty("customerUpdate");
        Assert.Equal([newId], only.GetProperty("customer").GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var entries = host.Ledger.Since(0, int.MaxValue);
        var ledger = entries.Count > 0 ? entries[^1].Sequence : 0;
        var same = (await host.DataAsync(Update, new { input = new { id = customerId, addresses = new object[] { moved } } })).GetProperty("customerUpdate");
        Assert.Equal(newId, same.GetProperty("customer").GetProperty("defaultAddress").GetProperty("id").GetString());
        Assert.DoesNotContain(host.Ledger.Since(ledger, int.MaxValue), e => e.Summary.Contains("addresses:", StringComparison.Ordinal));

        var badProvince = (await host.DataAsync(Update, new { input = new { id = customerId, addresses = new object[] { new { old.firstName, old.lastName, old.address1, old.city, provinceCode = "ZZ", old.zip, old.countryCode } } } }))
            .GetProperty("customerUpdate");
        Assert.Equal(["addresses", "0", "provinceCode"], badProvince.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        using var legacyCountry = await host.PostGraphAsync(Update, new { input = new { id = customerId, addresses = new object[] { new { address1 = "3 Lane", city = "Leeds", countryCode = "UK" } } } });
        var refused = await legacyCountry.Content.ReadAsStringAsync();
        Assert.Contains("errors", refused, StringComparison.Ordinal);
        Assert.Equal([newId], (await host.DataAsync(CustomerByEmail, new { q = "email:moves@example.com" })).GetProperty("customers").GetProperty("nodes")[0]
            .GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
    }
}
