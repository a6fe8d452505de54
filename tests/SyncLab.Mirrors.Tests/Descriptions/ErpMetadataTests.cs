using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Mirrors.Erp.Vendor;
using Xunit;

namespace SyncLab.Mirrors.Tests.Descriptions;

/// <summary>The ERP mirror's <c>$metadata</c>: OData CSDL that lists exactly what the mirror serves, per API root.</summary>
public sealed class ErpMetadataTests : IClassFixture<DescribedErp>
{
    private static readonly XNamespace Edm = "http://docs.oasis-open.org/odata/ns/edm";
    private static readonly XNamespace Edmx = "http://docs.oasis-open.org/odata/ns/edmx";

    private readonly DescribedErp _erp;

    public ErpMetadataTests(DescribedErp erp)
    {
        _erp = erp;
    }

    private VendorRoutes Routes => _erp.App.Services.GetRequiredService<VendorRoutes>();

    [Fact]
    public async Task metadata_is_odata_csdl_served_as_application_xml()
    {
        using var response = await _erp.Http.GetAsync("/api/v2.0/$metadata");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        var csdl = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Edmx + "Edmx", csdl.Root!.Name);
        Assert.Equal("4.0", csdl.Root.Attribute("Version")?.Value);
        Assert.Equal("Microsoft.NAV", csdl.Descendants(Edm + "Schema").Single().Attribute("Namespace")?.Value);
    }

    [Fact]
    public async Task metadata_wants_a_token_like_every_vendor_call()
    {
        using var anonymous = new HttpClient { BaseAddress = _erp.Http.BaseAddress };

        using var response = await anonymous.GetAsync("/api/v2.0/$metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task every_entity_set_each_api_root_routes_is_in_its_metadata()
    {
        foreach (var root in Routes.Roots)
        {
            var csdl = await MetadataAsync(root);
            var described = csdl.Descendants(Edm + "EntitySet").Select(s => s.Attribute("Name")!.Value).ToHashSet();
            var types = csdl.Descendants(Edm + "EntityType").Select(t => t.Attribute("Name")!.Value).ToHashSet();

            var routed = Routes.Of(root)
                .Select(r => r.Segments)
                .Where(s => s.Count == 1 || (s.Count == 2 && s[0].Name == "companies"))
                .Select(s => s[^1].Name)
                .Distinct()
                .ToList();

            Assert.NotEmpty(routed);
            Assert.All(routed, set => Assert.Contains(set, described));
            Assert.All(csdl.Descendants(Edm + "EntitySet"), set => Assert.Contains(set.Attribute("EntityType")!.Value["Microsoft.NAV.".Length..], types));
        }
    }

    [Fact]
    public async Task the_standard_root_describes_the_pages_an_integration_reads_and_writes()
    {
        var csdl = await MetadataAsync("v2.0");
        var sets = csdl.Descendants(Edm + "EntitySet").Select(s => s.Attribute("Name")!.Value).ToList();

        Assert.Contains("companies", sets);
        Assert.Contains("items", sets);
        Assert.Contains("customers", sets);
        Assert.Contains("salesOrders", sets);
        Assert.Contains("subscriptions", sets);
        Assert.DoesNotContain("webItems", sets);
        Assert.Contains("webItems", (await MetadataAsync("synclab/commerce/v1.0")).Descendants(Edm + "EntitySet").Select(s => s.Attribute("Name")!.Value));
    }

    [Fact]
    public async Task every_property_a_page_writes_is_described_with_its_type_in_page_order()
    {
        var company = (await GetJsonAsync("/api/v2.0/companies")).GetProperty("value")[0].GetProperty("id").GetGuid();
        var checkedSets = 0;
        foreach (var root in Routes.Roots)
        {
            var csdl = await MetadataAsync(root);
            foreach (var set in csdl.Descendants(Edm + "EntitySet"))
            {
                var name = set.Attribute("Name")!.Value;
                var url = name is "companies" or "subscriptions" ? $"/api/{root}/{name}" : $"/api/{root}/companies({company})/{name}?$top=1";
                var rows = (await GetJsonAsync(url)).GetProperty("value");
                if (rows.GetArrayLength() == 0)
                {
                    continue; // nothing to compare with in a fresh mirror (sales documents, subscriptions)
                }
                var type = EntityType(csdl, set.Attribute("EntityType")!.Value);
                var written = rows[0].EnumerateObject().Where(p => !p.Name.StartsWith('@')).Select(p => p.Name).ToList();
                var properties = type.Elements(Edm + "Property").ToList();
                Assert.Equal(written, properties.Select(p => p.Attribute("Name")!.Value).ToList());
                foreach (var property in properties)
                {
                    var value = rows[0].GetProperty(property.Attribute("Name")!.Value);
                    Assert.True(Fits(property.Attribute("Type")!.Value, value), $"{name}.{property.Attribute("Name")!.Value}: {value} is not {property.Attribute("Type")!.Value}");
                }
                checkedSets++;
            }
        }
        Assert.True(checkedSets >= 8, $"only {checkedSets} entity sets had rows to compare");
    }

    [Fact]
    public async Task document_lines_are_contained_collections_and_postings_are_bound_actions()
    {
        var csdl = await MetadataAsync("v2.0");

        var order = EntityType(csdl, "Microsoft.NAV.salesOrder");
        var lines = order.Elements(Edm + "NavigationProperty").Single(n => n.Attribute("Name")!.Value == "salesOrderLines");
        Assert.Equal("Collection(Microsoft.NAV.salesOrderLine)", lines.Attribute("Type")!.Value);
        Assert.Equal("true", lines.Attribute("ContainsTarget")!.Value);
        Assert.Contains("quantity", EntityType(csdl, "Microsoft.NAV.salesOrderLine").Elements(Edm + "Property").Select(p => p.Attribute("Name")!.Value));

        var shipAndInvoice = csdl.Descendants(Edm + "Action").Single(a => a.Attribute("Name")!.Value == "shipAndInvoice");
        Assert.Equal("true", shipAndInvoice.Attribute("IsBound")!.Value);
        Assert.Equal("Microsoft.NAV.salesOrder", shipAndInvoice.Element(Edm + "Parameter")!.Attribute("Type")!.Value);

        var companyNavigations = EntityType(csdl, "Microsoft.NAV.company").Elements(Edm + "NavigationProperty").Select(n => n.Attribute("Name")!.Value);
        Assert.Contains("items", companyNavigations);
    }

    private async Task<XDocument> MetadataAsync(string root)
    {
        using var response = await _erp.Http.GetAsync($"/api/{root}/$metadata");
        Assert.True(response.IsSuccessStatusCode, $"$metadata of {root} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var response = await _erp.Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private static XElement EntityType(XDocument csdl, string qualifiedName) =>
        csdl.Descendants(Edm + "EntityType").Single(t => "Microsoft.NAV." + t.Attribute("Name")!.Value == qualifiedName);

    private static bool Fits(string edmType, JsonElement value) => value.ValueKind == JsonValueKind.Null || edmType switch
    {
        "Edm.String" => value.ValueKind == JsonValueKind.String,
        "Edm.Guid" => value.ValueKind == JsonValueKind.String && Guid.TryParseExact(value.GetString(), "D", out _),
        "Edm.Boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "Edm.Int32" or "Edm.Int64" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "Edm.Decimal" => value.ValueKind == JsonValueKind.Number,
        "Edm.DateTimeOffset" => value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "Edm.Date" => value.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };
}
