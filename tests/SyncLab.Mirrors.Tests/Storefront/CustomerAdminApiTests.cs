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
}
