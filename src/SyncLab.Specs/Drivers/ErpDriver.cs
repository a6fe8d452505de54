using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>Makes things happen in the ERP as its users would (business actions) and reads it as an integration does (its API).</summary>
public sealed class ErpDriver(StagingConnection staging)
{
    public Task SetPriceAsync(string number, decimal price) =>
        staging.Http.SendOkAsync(HttpMethod.Post, Admin($"items/{Uri.EscapeDataString(number)}/price"), new { unitPrice = price });

    public Task AdjustStockAsync(string number, int delta, string reason) =>
        staging.Http.SendOkAsync(HttpMethod.Post, Admin($"items/{Uri.EscapeDataString(number)}/stock-adjustments"), new { locationCode = WarehouseCode, quantity = delta, reason });

    public Task CreateItemAsync(string number, string description, decimal price, bool webEnabled) =>
        staging.Http.SendOkAsync(HttpMethod.Post, Admin("items"), new { number, description, unitPrice = price, webEnabled });

    /// <summary>Keys a new item card as the office does (number, description, unitPrice, webEnabled, brand, category, baseUnitOfMeasure, blocked...).</summary>
    public Task CreateItemAsync(IReadOnlyDictionary<string, object?> card) =>
        staging.Http.SendOkAsync(HttpMethod.Post, Admin("items"), card);

    /// <summary>Edits an item card as the office does; only the fields given change.</summary>
    public Task EditItemAsync(string number, IReadOnlyDictionary<string, object?> change) =>
        staging.Http.SendOkAsync(HttpMethod.Patch, Admin($"items/{Uri.EscapeDataString(number)}"), change);

    /// <summary>Books the difference to <paramref name="total"/> at the warehouse, as a stock count would.</summary>
    public async Task CountStockAsync(string number, int total)
    {
        var current = (int)await InventoryAsync(number);
        if (current != total)
        {
            await AdjustStockAsync(number, total - current, "stock count");
        }
    }

    /// <summary>The item as Business Central API v2.0 returns it.</summary>
    public async Task<JsonNode> ItemAsync(string number)
    {
        var company = await CompanyAsync();
        var filter = Uri.EscapeDataString($"number eq '{number}'");
        var page = await Api($"api/v2.0/companies({company})/items?$filter={filter}");
        return page!["value"]!.AsArray().SingleOrDefault() ?? throw new InvalidOperationException($"the ERP has no item {number}");
    }

    public async Task<decimal> InventoryAsync(string number) =>
        decimal.Parse((await ItemAsync(number))["inventory"]!.ToString(), CultureInfo.InvariantCulture);

    public Task BlockItemAsync(string number) =>
        staging.Http.SendOkAsync(HttpMethod.Patch, Admin($"items/{Uri.EscapeDataString(number)}"), new { blocked = true });

    /// <summary>Sales orders (with their lines) carrying an external document number.</summary>
    public async Task<IReadOnlyList<JsonNode>> SalesOrdersAsync(string externalDocumentNumber)
    {
        var filter = Uri.EscapeDataString($"externalDocumentNumber eq '{externalDocumentNumber}'");
        var page = await Api($"api/v2.0/companies({await CompanyAsync()})/salesOrders?$filter={filter}&$expand=salesOrderLines");
        return page!["value"]!.AsArray().Select(o => o!).ToList();
    }

    public async Task<IReadOnlyList<JsonNode>> CustomersAsync(string email)
    {
        var filter = Uri.EscapeDataString($"email eq '{email}'");
        var page = await Api($"api/v2.0/companies({await CompanyAsync()})/customers?$filter={filter}");
        return page!["value"]!.AsArray().Select(c => c!).ToList();
    }

    private async Task<string> CompanyAsync() =>
        (string)(await Api("api/v2.0/companies"))!["value"]![0]!["id"]!;

    private string WarehouseCode => staging.Estate.Locations.First(l => l.Kind == Estate.LocationKind.Warehouse).Code;

    private Uri Admin(string path) => new(staging.Erp, $"_synclab/erp/{path}");

    private Task<JsonNode?> Api(string path) =>
        staging.Http.SendOkAsync(HttpMethod.Get, new Uri(staging.Erp, path), configure: r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "synclab-specs"));
}
