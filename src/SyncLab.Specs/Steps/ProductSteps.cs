using System.Globalization;
using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

/// <summary>The catalogue life cycle: new products, out of stock, low stock and clearance, in the ERP and on the storefront.</summary>
[Binding]
public sealed class ProductSteps(ErpDriver erp, StorefrontDriver storefront, FaultDriver faults, ClockDriver clock, EngineDriver engine, ScenarioItems items, StagingConnection staging)
{
    // ---- the ERP (the office) ----

    [Given(@"^the office keys a new web item ""([^""]+)"" in the ERP:$")]
    public Task GivenANewWebItem(string number, Table card)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["number"] = items.NewItemNumber(number),
            ["webEnabled"] = true,
        };
        foreach (var row in card.Rows)
        {
            var (name, value) = CardField(row[0], row[1]);
            fields[name] = value;
        }
        return erp.CreateItemAsync(fields);
    }

    [Given(@"^an ERP item known as ""([^""]+)"", created before the upgrade with its brand in Description 2, that is not on the web$")]
    public void GivenAnOldItemOffTheWeb(string alias) => items.TakeOldItemOffTheWeb(alias);

    [Given(@"^a web item known as ""([^""]+)"" in the category ""([^""]+)"" with (-?\d+) in stock in the ERP$")]
    public async Task GivenAWebItemInCategory(string alias, string category, int stock)
    {
        var item = await items.TakeWebItemAsync(alias);
        await erp.EditItemAsync(item.Number, Change("category", category));
        await erp.CountStockAsync(item.Number, stock);
    }

    [When(@"^the office (?:enables|puts) ""([^""]+)"" (?:for|on) the web in the ERP$")]
    public Task WhenTheOfficeEnablesForTheWeb(string item) => erp.EditItemAsync(items.Number(item), Change("webEnabled", true));

    [When(@"^the office takes ""([^""]+)"" off the web in the ERP$")]
    public Task WhenTheOfficeTakesOffTheWeb(string item) => erp.EditItemAsync(items.Number(item), Change("webEnabled", false));

    [When(@"^the office (blocks|unblocks) ""([^""]+)"" in the ERP$")]
    public Task WhenTheOfficeBlocks(string action, string item) => erp.EditItemAsync(items.Number(item), Change("blocked", action == "blocks"));

    [When(@"^the office sets the brand of ""([^""]+)"" to ""([^""]+)"" in the ERP$")]
    public Task WhenTheOfficeSetsTheBrand(string item, string brand) => erp.EditItemAsync(items.Number(item), Change("brand", brand));

    [Given(@"^the office codes ""([^""]+)"" as ""([^""]*)"" in the ERP's life-cycle field$")]
    [When(@"^the office codes ""([^""]+)"" as ""([^""]*)"" in the ERP's life-cycle field$")]
    public Task WhenTheOfficeCodesTheLifecycle(string item, string code) => erp.EditItemAsync(items.Number(item), Change("lifecycleCode", code));

    [Given(@"^the office (allows|stops) backorders for ""([^""]+)"" in the ERP$")]
    [When(@"^the office (allows|stops) backorders for ""([^""]+)"" in the ERP$")]
    public Task WhenTheOfficeAllowsBackorders(string action, string item) => erp.EditItemAsync(items.Number(item), Change("allowBackorder", action == "allows"));

    [Given(@"^the office expects ""([^""]+)"" back in stock on (\d{4}-\d{2}-\d{2}) in the ERP$")]
    [When(@"^the office expects ""([^""]+)"" back in stock on (\d{4}-\d{2}-\d{2}) in the ERP$")]
    public Task WhenTheOfficeExpectsRestock(string item, string date) => erp.EditItemAsync(items.Number(item), Change("restockDate", date));

    [Given(@"^the office sets the low-stock threshold of ""([^""]+)"" to (\d+) in the ERP$")]
    [When(@"^the office sets the low-stock threshold of ""([^""]+)"" to (\d+) in the ERP$")]
    public Task GivenTheLowStockThreshold(string item, int threshold) => erp.EditItemAsync(items.Number(item), Change("lowStockThreshold", threshold));

    [When(@"^the office moves ""([^""]+)"" to the category ""([^""]+)"" in the ERP$")]
    public Task WhenTheOfficeMovesToCategory(string item, string category) => erp.EditItemAsync(items.Number(item), Change("category", category));

    [When(@"^the office keys the GTIN of ""([^""]+)"" as ""([^""]*)"" in the ERP$")]
    public Task WhenTheOfficeKeysTheGtin(string item, string gtin) => erp.EditItemAsync(items.Number(item), Change("gtin", gtin));

    [When(@"^the office changes the unit of ""([^""]+)"" to ""([^""]+)"" in the ERP$")]
    public Task WhenTheOfficeChangesTheUnit(string item, string unit) => erp.EditItemAsync(items.Number(item), Change("baseUnitOfMeasure", unit));

    [Given(@"^a stock count finds (-?\d+) of ""([^""]+)"" in the ERP$")]
    [When(@"^a stock count finds (-?\d+) of ""([^""]+)"" in the ERP$")]
    public Task WhenAStockCountFinds(int quantity, string item) => erp.CountStockAsync(items.Number(item), quantity);

    [When(@"^the warehouse receives (\d+) of ""([^""]+)"" in the ERP$")]
    public Task WhenTheWarehouseReceives(int quantity, string item) => erp.AdjustStockAsync(items.Number(item), quantity, "purchase receipt");

    // ---- faults and time ----

    [Given(@"^the storefront answers its next (\d+) calls with ""too many requests""$")]
    public Task GivenTheStorefrontThrottles(int count) => faults.ThrottleAsync(staging.Storefront, FaultDriver.StorefrontGraphQl, count);

    [Given(@"^the storefront is down$")]
    public Task GivenTheStorefrontIsDown() => faults.FailAsync(staging.Storefront, FaultDriver.StorefrontGraphQl);

    [Given(@"^the ERP's web item page is down$")]
    public Task GivenTheWebItemPageIsDown() => faults.FailAsync(staging.Erp, FaultDriver.ErpWebItems);

    [When(@"^the storefront is back$")]
    public Task WhenTheStorefrontIsBack() => faults.ClearAsync(staging.Storefront);

    [When(@"^the ERP's web item page is back$")]
    public Task WhenTheWebItemPageIsBack() => faults.ClearAsync(staging.Erp);

    /// <summary>Retries wait on the business clock (backoff, Retry-After); this lets it pass until they have run.</summary>
    [When(@"^the engine has had (\d+) minutes to retry$")]
    public async Task WhenTheEngineHadTimeToRetry(int minutes)
    {
        for (var i = 0; i < minutes; i++)
        {
            await clock.AdvanceAsync(TimeSpan.FromMinutes(1));
            await engine.AwaitQuiescenceAsync();
        }
    }

    // ---- the storefront (the merchant's admin) ----

    [Then(@"^the storefront lists ""([^""]+)"" as (active|a draft|archived)$")]
    public async Task ThenTheStorefrontListsAs(string item, string status)
    {
        var product = await ProductAsync(item);
        var wanted = status switch { "active" => "ACTIVE", "a draft" => "DRAFT", _ => "ARCHIVED" };
        Expect.That(product.Status == wanted, $"the storefront lists {items.Sku(item)} as {product.Status}, expected {wanted}");
    }

    [Then(@"^the storefront lists ""([^""]+)"" exactly once$")]
    public async Task ThenListedOnce(string item)
    {
        var products = await storefront.ProductsAsync(items.Sku(item));
        Expect.That(products.Count == 1, $"the storefront lists {products.Count} products with SKU {items.Sku(item)}, expected exactly 1");
    }

    [Then(@"^the storefront does not list ""([^""]+)""$")]
    public async Task ThenNotListed(string item)
    {
        var products = await storefront.ProductsAsync(items.Sku(item));
        Expect.That(products.Count == 0, $"the storefront lists {items.Sku(item)} ({string.Join(", ", products.Select(p => p.Status))}), expected no product");
    }

    [Then(@"^the storefront shows ""([^""]+)"" as ""([^""]+)"" by ""([^""]+)""$")]
    public async Task ThenTitleAndVendor(string item, string title, string vendor)
    {
        var product = await ProductAsync(item);
        Expect.That(product.Title == title && product.Vendor == vendor, $"the storefront shows {items.Sku(item)} as \"{product.Title}\" by \"{product.Vendor}\", expected \"{title}\" by \"{vendor}\"");
    }

    [Then(@"^the storefront shows ""([^""]+)"" by ""([^""]+)""$")]
    public async Task ThenVendor(string item, string vendor)
    {
        var product = await ProductAsync(item);
        Expect.That(product.Vendor == vendor, $"the storefront shows {items.Sku(item)} by \"{product.Vendor}\", expected \"{vendor}\"");
    }

    [Then(@"^the storefront shows ""([^""]+)"" by the brand from its Description 2$")]
    public Task ThenVendorFromDescription2(string item) => ThenVendor(item, items.Item(item).Description2);

    [Then(@"^the storefront describes ""([^""]+)"" as sold per ""([^""]+)""$")]
    public async Task ThenSoldPer(string item, string unit)
    {
        var product = await ProductAsync(item);
        Expect.That(product.DescriptionHtml.Contains($"Sold per {unit}.", StringComparison.Ordinal), $"the storefront describes {items.Sku(item)} as {product.DescriptionHtml}, expected sold per {unit}");
    }

    [Then(@"^the storefront (flags|does not flag) ""([^""]+)"" as (low stock|clearance|back soon|pre-order)$")]
    public async Task ThenFlagged(string flags, string item, string flag)
    {
        var product = await ProductAsync(item);
        var tag = flag switch { "low stock" => "low-stock", "back soon" => "back-soon", "pre-order" => "preorder", _ => flag };
        var has = product.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);
        Expect.That(has == (flags == "flags"), $"the storefront tags {items.Sku(item)} with [{string.Join(", ", product.Tags)}]; expected {(flags == "flags" ? "" : "no ")}{tag}");
    }

    [Then(@"^the storefront says ""([^""]+)"" is back in stock on (\d{4}-\d{2}-\d{2})$")]
    public async Task ThenRestockDate(string item, string date)
    {
        var product = await ProductAsync(item);
        Expect.That(product.Tags.Contains($"restock:{date}"), $"the storefront tags {items.Sku(item)} with [{string.Join(", ", product.Tags)}]; expected restock:{date}");
    }

    [Then(@"^the storefront (keeps|stops) selling ""([^""]+)"" when it is out of stock$")]
    public async Task ThenInventoryPolicy(string keeps, string item)
    {
        var product = await ProductAsync(item);
        var wanted = keeps == "keeps" ? "CONTINUE" : "DENY";
        Expect.That(product.InventoryPolicy == wanted, $"the storefront's inventory policy for {items.Sku(item)} is {product.InventoryPolicy}, expected {wanted}");
    }

    [Then(@"^the storefront sells ""([^""]+)"" at (\d+\.\d{2}) instead of (\d+\.\d{2})$")]
    public async Task ThenMarkedDown(string item, decimal price, decimal compareAt)
    {
        var product = await ProductAsync(item);
        Expect.That(product.Price == price && product.CompareAtPrice == compareAt, $"the storefront sells {items.Sku(item)} at {product.Price} instead of {product.CompareAtPrice?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}, expected {price} instead of {compareAt}");
    }

    private async Task<StorefrontProductView> ProductAsync(string item)
    {
        var products = await storefront.ProductsAsync(items.Sku(item));
        return products.Count == 1 ? products[0] : throw new InvalidOperationException($"the storefront lists {products.Count} products with SKU {items.Sku(item)}, expected one");
    }

    private static Dictionary<string, object?> Change(string field, object? value) => new(StringComparer.Ordinal) { [field] = value };

    /// <summary>The card fields a scenario may name, as the office API spells them.</summary>
    private static (string Name, object? Value) CardField(string field, string value) => field.Trim().ToLowerInvariant() switch
    {
        "description" => ("description", value),
        "description 2" => ("description2", value),
        "brand" => ("brand", value),
        "price" => ("unitPrice", decimal.Parse(value, CultureInfo.InvariantCulture)),
        "unit" => ("baseUnitOfMeasure", value),
        "category" => ("category", value),
        "gtin" => ("gtin", value),
        "blocked" => ("blocked", value is "yes" or "true"),
        "web" => ("webEnabled", value is "yes" or "true"),
        _ => throw new InvalidOperationException($"the ERP item card has no field \"{field}\" a scenario may set (description, description 2, brand, price, unit, category, gtin, blocked, web)"),
    };
}
