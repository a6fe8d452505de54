using SyncLab.Mirrors.Erp.CreditMemos;
using SyncLab.Mirrors.Erp.Customers;
using SyncLab.Mirrors.Erp.Invoices;
using SyncLab.Mirrors.Erp.ItemLedger;
using SyncLab.Mirrors.Erp.Items;
using SyncLab.Mirrors.Erp.Locations;
using SyncLab.Mirrors.Erp.OData;
using SyncLab.Mirrors.Erp.Pricing;
using SyncLab.Mirrors.Erp.Sales;
using SyncLab.Mirrors.Erp.Shipments;
using SyncLab.Mirrors.Erp.Storage;
using SyncLab.Mirrors.Erp.Webhooks;
using SyncLab.Mirrors.Erp.WebItems;

namespace SyncLab.Mirrors.Erp.Vendor;

/// <summary>
/// <c>GET /api/{root}/$metadata</c>: the OData CSDL of one API root, as Business Central serves it. It describes
/// what the mirror really answers and nothing else: the entity sets, contained collections and bound actions
/// come from the route table, the properties of each entity type from the page shape that writes it.
/// </summary>
internal static class ServiceMetadata
{
    private const string ActionPrefix = Csdl.Namespace + ".";

    public static VendorResponse Answer(VendorRoutes routes, string apiRoot) =>
        new(200, Csdl.Write(Model(routes, apiRoot)), new Dictionary<string, string> { ["Content-Type"] = "application/xml" });

    /// <summary>
    /// Every route's segments in order: a segment directly under the root or under <c>companies()</c> is an entity
    /// set; one under another entity is a collection that entity contains; <c>Microsoft.NAV.x</c> is an action bound to it.
    /// </summary>
    public static CsdlModel Model(VendorRoutes routes, string apiRoot)
    {
        var pages = Pages().ToDictionary(p => p.EntitySet, p => p.Type, StringComparer.Ordinal);
        var types = new List<EdmEntityType>();
        var actions = new List<EdmAction>();
        var sets = new List<EdmEntitySet>();

        EdmEntityType TypeOf(string entitySet)
        {
            var type = pages.GetValueOrDefault(entitySet)
                ?? throw new InvalidOperationException($"The route table serves '{entitySet}' but {nameof(ServiceMetadata)} knows no page shape for it: add it to {nameof(Pages)}().");
            if (!types.Contains(type))
            {
                types.Add(type);
            }
            return type;
        }

        foreach (var (method, segments) in routes.Of(apiRoot))
        {
            for (var i = 0; i < segments.Count; i++)
            {
                var name = segments[i].Name;
                if (name.StartsWith(ActionPrefix, StringComparison.Ordinal))
                {
                    var action = new EdmAction(name[ActionPrefix.Length..], TypeOf(segments[i - 1].Name).Name);
                    if (method == "POST" && !actions.Contains(action))
                    {
                        actions.Add(action);
                    }
                    continue;
                }
                var type = TypeOf(name);
                if (i == 0 || (i == 1 && segments[0].Name == "companies"))
                {
                    if (!sets.Exists(s => s.Name == name))
                    {
                        sets.Add(new EdmEntitySet(name, type.Name));
                    }
                }
                if (i > 0)
                {
                    var parent = TypeOf(segments[i - 1].Name);
                    if (!parent.Navigations.Exists(n => n.Name == name))
                    {
                        parent.Navigations.Add(new EdmNavigation(name, type.Name));
                    }
                }
            }
        }
        return new CsdlModel(types, actions, sets);
    }

    /// <summary>
    /// The page behind each entity set. A new page needs a line here: <c>$metadata</c> fails loudly (and its tests
    /// with it) when the route table serves an entity set this list lacks.
    /// </summary>
    private static IEnumerable<(string EntitySet, EdmEntityType Type)> Pages() =>
    [
        ("companies", Company()),
        Page(ItemShape.Page),
        Page(WebItemsPage.Shape),
        Page(Tax.SalesTaxRates.Page),
        Page(LocationsPage.Shape),
        Page(CustomersPage.Shape),
        Page(WebCustomersPage.Shape),
        Page(ItemLedgerEntriesPage.Shape),
        Page(SubscriptionsApi.Shape),
        Page(PriceListsPage.Lists),
        Page(PriceListsPage.Lines),
        Page(SalesOrderShapes.Orders),
        Page(SalesOrderShapes.Lines),
        Page(SalesShipmentsPage.Shipments),
        Page(SalesShipmentsPage.Lines),
        Page(SalesInvoicesPage.Invoices),
        Page(SalesInvoicesPage.Lines),
        Page(SalesCreditMemosPage.CreditMemos),
        Page(SalesCreditMemosPage.Lines),
    ];

    private static (string EntitySet, EdmEntityType Type) Page<T>(EntityShape<T> shape)
        where T : class, ISequenced => (shape.EntitySet, EdmEntityType.Of(shape));

    /// <summary>The company has no page shape (there is one, written by GetCompanies); these are the properties it writes.</summary>
    private static EdmEntityType Company() => new("company", "id",
    [
        new("id", EdmKind.Guid),
        new("systemVersion", EdmKind.String),
        new("timestamp", EdmKind.Int64),
        new("name", EdmKind.String),
        new("displayName", EdmKind.String),
        new("businessProfileId", EdmKind.String),
        new("systemCreatedAt", EdmKind.DateTimeOffset),
        new("systemCreatedBy", EdmKind.Guid),
        new("systemModifiedAt", EdmKind.DateTimeOffset),
        new("systemModifiedBy", EdmKind.Guid),
    ]);
}
