using System.Text.Json.Nodes;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Shoppers;

namespace SyncLab.Engine.Tests.Shoppers;

public sealed class ShopperScrubTests
{
    private static readonly ShopperTraces Ann = ShopperTraces.Gather(
        "gid://shopify/Customer/1", " Ann@Example.com", [],
        [new ShopifyCustomer("gid://shopify/Customer/1", "ann@example.com", "Ann", "Baker", "503-555-0100", [], "SUBSCRIBED",
            new ShopifyAddress("Ann", "Baker", "12 Harbour Road", "Portland", "97201", "US", "503-555-0100", "OR"), DateTimeOffset.UnixEpoch)],
        keepForBooks: true);

    private const string Order = """
        {"id":"gid://shopify/Order/9","email":"ANN@example.com","note":"call ann@example.com first","customer":{"firstName":"Ann","lastName":"Baker","phone":"503-555-0100"},
         "shippingAddress":{"name":"Ann Baker","address1":"12 Harbour Road","city":"Portland","zip":"97201"},"lines":[{"sku":"SKU-1","title":"Kettle"}]}
        """;

    [Fact]
    public void an_erased_shopper_s_e_mail_names_street_and_phone_become_the_token_and_the_rest_stays()
    {
        var scrubbed = JsonNode.Parse(ShopperScrub.Payload(Order, Ann, keepNameAndAddress: false, "Erased customer"))!;

        Assert.Equal(("Erased customer", "call Erased customer first"), ((string?)scrubbed["email"], (string?)scrubbed["note"]));
        Assert.Equal(("Erased customer", "Erased customer", "Erased customer"), ((string?)scrubbed["customer"]!["firstName"], (string?)scrubbed["customer"]!["phone"], (string?)scrubbed["shippingAddress"]!["name"]));
        Assert.Equal(("Erased customer", "Erased customer", "Erased customer"), ((string?)scrubbed["shippingAddress"]!["address1"], (string?)scrubbed["shippingAddress"]!["city"], (string?)scrubbed["shippingAddress"]!["zip"]));
        Assert.Equal(("gid://shopify/Order/9", "SKU-1", "Kettle"), ((string?)scrubbed["id"], (string?)scrubbed["lines"]![0]!["sku"], (string?)scrubbed["lines"]![0]!["title"]));
    }

    [Fact]
    public void an_order_kept_for_the_books_keeps_name_and_address_but_not_the_e_mail_or_phone()
    {
        var scrubbed = ShopperScrub.Payload(Order, Ann, keepNameAndAddress: true, "Erased customer");

        Assert.DoesNotContain("ann@example.com", scrubbed, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("503-555-0100", scrubbed, StringComparison.Ordinal);
        Assert.Contains("\"Ann Baker\"", scrubbed, StringComparison.Ordinal);
        Assert.Contains("12 Harbour Road", scrubbed, StringComparison.Ordinal);
    }

    [Fact]
    public void another_shopper_of_the_same_name_with_an_e_mail_of_their_own_is_not_the_erased_one()
    {
        var stranger = Order.Replace("ANN@example.com", "ann.baker@other.example", StringComparison.Ordinal).Replace("call ann@example.com first", "leave at door", StringComparison.Ordinal);

        Assert.True(ShopperScrub.IsTheShoppers(Order, "gid://shopify/Order/9", Ann));
        Assert.False(ShopperScrub.IsTheShoppers(stranger, "gid://shopify/Order/10", Ann));
        // The purge, after the erasure took the e-mail: found by name, with no other e-mail, the order is the shopper's.
        Assert.True(ShopperScrub.IsTheShoppers(Order.Replace("ANN@example.com", "Erased customer", StringComparison.Ordinal).Replace("call ann@example.com first", "", StringComparison.Ordinal), "k", Ann with { Email = "" }));
        Assert.True(ShopperScrub.IsTheShoppers("{}", Ann.StorefrontId, Ann));
    }

    [Fact]
    public void free_text_loses_the_e_mail_and_the_full_name_and_the_store_is_searched_for_both()
    {
        Assert.Equal("2 ERP customers share the e-mail Erased customer (Erased customer)", ShopperScrub.Text("2 ERP customers share the e-mail ANN@example.com (Ann Baker)", Ann, "Erased customer"));
        Assert.Contains("ann@example.com", Ann.SearchTerms());
        Assert.Contains("ann baker", Ann.SearchTerms());
        Assert.DoesNotContain("ann", Ann.SearchTerms());
    }
}
