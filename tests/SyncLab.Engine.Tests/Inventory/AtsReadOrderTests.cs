using System.Text.Json.Nodes;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Connectors.Shopify;
using SyncLab.Engine.Inventory;
using SyncLab.Engine.Storage;
using SyncLab.Engine.Tests.Fulfilment;

namespace SyncLab.Engine.Tests.Inventory;

/// <summary>
/// Available-to-sell reads several systems one after the other while the orders process keeps allocating web orders in
/// the warehouse. Whatever lands between the reads, the storefront is never offered the same units twice.
/// </summary>
public sealed class AtsReadOrderTests
{
    [Fact]
    public async Task a_web_order_the_warehouse_allocates_while_stock_is_read_is_never_offered_twice()
    {
        await using var s = await BackFlowStaging.StartAsync();
        var sku = s.StockedWebSku(3);
        // Taken on the storefront and not yet in the warehouse: committed 3 there, a reservation for the engine.
        var order = await s.PlaceOrderAsync("race@example.com", (sku, 3));
        var allocateMidway = new AllocateOnFirstPendingRead(s, order, sku);
        var options = new EngineOptions
        {
            ErpBaseUrl = s.Host.Addresses["erp"],
            StorefrontBaseUrl = s.Host.Addresses["storefront"],
            WarehouseBaseUrl = s.Host.Addresses["warehouse"],
            Inventory = new InventoryOptions { Source = StockSource.WmsAndPos, Locations = [new StockLocation()] },
        };
        var lookahead = new VariantLookahead();
        using var shopHttp = new HttpClient();
        var shop = new ShopifyAdminClient(shopHttp, options, lookahead);
        using var warehouseHttp = new HttpClient(allocateMidway);
        var ats = new AtsProcess(
            shop, new StorefrontCatalog(shop, lookahead, options), new StorefrontStock(shop), new InventorySettings(options), new InventoryLookups(),
            new ShipStationClient(warehouseHttp, options));

        await ats.ApplyAsync(new WorkItem { Process = AtsProcess.ProcessName, Key = sku, Version = "1", Payload = "{}" }, CancellationToken.None);

        Assert.True(allocateMidway.Allocated, "the warehouse was never asked for its pending web shipments");
        using var plainHttp = new HttpClient();
        var warehouseAvailable = (await new ShipStationClient(plainHttp, options).LevelsAsync(sku, CancellationToken.None)).Sum(l => l.Available);
        var shown = await Pipeline.StagingHttp.StorefrontAvailableAsync(s.Http, s.Host, sku);
        Assert.True(shown <= warehouseAvailable, $"the storefront offers {shown} of {sku} with {warehouseAvailable} left in the warehouse after the order was allocated");
    }

    /// <summary>The warehouse allocates the web order just before it answers the engine's first read of pending shipments.</summary>
    private sealed class AllocateOnFirstPendingRead(BackFlowStaging s, JsonNode order, string sku) : DelegatingHandler(new HttpClientHandler())
    {
        public bool Allocated { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!Allocated && request.Method == HttpMethod.Get && request.RequestUri!.Query.Contains("shipment_status=pending", StringComparison.Ordinal))
            {
                Allocated = true;
                var warehouses = await s.ShipStationAsync(HttpMethod.Get, "v2/warehouses");
                await s.ShipStationAsync(HttpMethod.Post, "v2/shipments", new
                {
                    shipments = new[]
                    {
                        new
                        {
                            warehouse_id = (string)warehouses["warehouses"]![0]!["warehouse_id"]!, external_shipment_id = BackFlowStaging.External(order),
                            external_order_id = (string)order["id"]!,
                            ship_to = new { name = "Race Shopper", phone = "555-0100", address_line1 = "1 Main St", city_locality = "Austin", state_province = "TX", postal_code = "78701", country_code = "US" },
                            items = new[] { new { sku, quantity = 3 } },
                        },
                    },
                });
            }
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
