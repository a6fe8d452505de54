using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncLab.Engine.Connectors;
using SyncLab.Engine.Connectors.ShipStation;
using SyncLab.Engine.Pipeline;

namespace SyncLab.Engine.Inventory;

/// <summary>
/// The office's inventory controls on the engine's API (problem+json on bad input): the settings in force
/// (source, storefront locations with their warehouses and stores, safety stock), changed without a restart,
/// and the annual stocktake — a warehouse frozen at its last known stock while it is counted, then a full resync.
/// </summary>
public static class InventoryApi
{
    public const string SettingsProblem = "https://synclab.dev/problems/inventory-settings-invalid";
    public const string StocktakeProblem = "https://synclab.dev/problems/stocktake-invalid";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static void MapInventoryApi(this RouteGroupBuilder engine)
    {
        var inventory = engine.MapGroup("/inventory");
        inventory.MapGet("/settings", (InventorySettings s) => TypedResults.Ok(InventorySettingsView.Of(s)));
        inventory.MapPut("/settings", PutSettingsAsync);
        inventory.MapGet("/stocktakes", (InventorySettings s) => TypedResults.Ok(InventorySettingsView.Of(s).Stocktakes));
        inventory.MapPost("/stocktakes", StartStocktakeAsync);
        inventory.MapDelete("/stocktakes/{warehouse}", EndStocktakeAsync);
    }

    private static async Task<Results<Ok<InventorySettingsView>, ValidationProblem>> PutSettingsAsync(
        HttpRequest request, InventorySettings settings, TimeProvider clock, CancellationToken ct)
    {
        var (body, error) = await ReadAsync<SettingsBody>(request, ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (error is not null)
        {
            errors["body"] = [error];
        }
        var parsed = body is null ? null : Parse(body, errors);
        if (errors.Count > 0 || parsed is null)
        {
            return TypedResults.ValidationProblem(errors, type: SettingsProblem, title: "The inventory settings are not valid.");
        }
        // Kept in the engine's store. Every SKU is planned again at the next poll: several changes in a row cost one resync.
        await settings.ApplyAsync(parsed, clock.GetUtcNow(), ct);
        return TypedResults.Ok(InventorySettingsView.Of(settings));
    }

    private static InventoryOptions? Parse(SettingsBody body, Dictionary<string, string[]> errors)
    {
        StockSource? source = body.Source switch
        {
            "erp" => StockSource.Erp,
            "wms+pos" => StockSource.WmsAndPos,
            _ => null,
        };
        if (source is null)
        {
            errors["source"] = [$"'{body.Source}' is not one of: erp, wms+pos."];
        }
        var locations = new List<StockLocation>();
        foreach (var (location, i) in (body.Locations ?? [new LocationBody(null, null, null)]).Select((l, i) => (l, i)))
        {
            if (location is null || location.StorefrontLocation is { Length: 0 } || (location.Warehouses ?? []).Concat(location.Stores ?? []).Any(string.IsNullOrWhiteSpace))
            {
                errors[$"locations[{i}]"] = ["names must not be blank."];
                continue;
            }
            locations.Add(new StockLocation { StorefrontLocation = location.StorefrontLocation, Warehouses = location.Warehouses ?? [], Stores = location.Stores ?? [] });
        }
        if (locations.Count == 0 && !errors.Keys.Any(k => k.StartsWith("locations", StringComparison.Ordinal)))
        {
            errors["locations"] = ["at least one storefront location is needed."];
        }
        if (locations.GroupBy(l => l.StorefrontLocation ?? string.Empty, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
        {
            errors["locations"] = ["a storefront location is mapped twice."];
        }
        var safety = body.SafetyStock ?? new SafetyBody(0, null, null);
        if (safety.Default < 0 || (safety.ByCategory ?? []).Values.Any(v => v < 0) || (safety.BySku ?? []).Values.Any(v => v < 0))
        {
            errors["safetyStock"] = ["safety stock cannot be negative."];
        }
        var sellingWebStock = body.StoresSellingWebStock ?? [];
        if (sellingWebStock.Any(string.IsNullOrWhiteSpace))
        {
            errors["storesSellingWebStock"] = ["names must not be blank."];
        }
        else if (sellingWebStock.FirstOrDefault(s => locations.Any(l => l.Stores.Contains(s!, StringComparer.OrdinalIgnoreCase))) is { } both)
        {
            // Its count would feed the web and the web's number its count.
            errors["storesSellingWebStock"] = [$"'{both}' is offered to the web: a store cannot both offer its stock and sell the web's."];
        }
        return errors.Count > 0 ? null : new InventoryOptions
        {
            Source = source!.Value,
            Locations = locations,
            StoresSellingWebStock = [.. sellingWebStock.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            SafetyStock = new SafetyStockRules
            {
                Default = safety.Default ?? 0,
                ByCategory = new Dictionary<string, int>(safety.ByCategory ?? [], StringComparer.OrdinalIgnoreCase),
                BySku = new Dictionary<string, int>(safety.BySku ?? [], StringComparer.OrdinalIgnoreCase),
            },
        };
    }

    private static async Task<Results<Created<StocktakeView>, ValidationProblem, ProblemHttpResult>> StartStocktakeAsync(
        HttpRequest request, InventorySettings settings, IServiceProvider services, TimeProvider clock, CancellationToken ct)
    {
        var (body, error) = await ReadAsync<StocktakeBody>(request, ct);
        if (error is not null || string.IsNullOrWhiteSpace(body?.Warehouse))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [error is null ? "warehouse" : "body"] = [error ?? "the warehouse to count is required."] },
                type: StocktakeProblem, title: "The stocktake request is not valid.");
        }
        if (!settings.FromWarehouseAndStores || services.GetService<ShipStationClient>() is not { } warehouse)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: StocktakeProblem,
                title: "Available-to-sell does not come from the warehouse (source erp): there is nothing to freeze.");
        }
        if (settings.StocktakeOf(body.Warehouse) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: StocktakeProblem, title: $"A stocktake of '{body.Warehouse}' is already under way.");
        }
        try
        {
            var names = await warehouse.InventoryWarehousesAsync(ct);
            if (!names.Values.Contains(body.Warehouse, StringComparer.OrdinalIgnoreCase))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: StocktakeProblem, title: $"The warehouse has no inventory warehouse '{body.Warehouse}'.");
            }
            // Named as the warehouse names it, so the store keeps one stocktake per warehouse whatever the case typed.
            var name = names.Values.First(n => string.Equals(n, body.Warehouse, StringComparison.OrdinalIgnoreCase));
            // The last known stock: what the warehouse and its web allocations say as the count begins.
            var levels = await warehouse.LevelsAsync(null, ct);
            var allocations = await warehouse.WebAllocationsAsync(ct);
            var lastKnown = levels.Select(l => l.Sku).Distinct(StringComparer.Ordinal)
                .ToDictionary(sku => sku, sku => AtsProcess.Live(name, levels, names, allocations, sku), StringComparer.Ordinal);
            var stocktake = new Stocktake(name, clock.GetUtcNow(), lastKnown);
            if (!await settings.TryStartStocktakeAsync(stocktake, ct))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: StocktakeProblem, title: $"A stocktake of '{body.Warehouse}' is already under way.");
            }
            return TypedResults.Created($"/engine/inventory/stocktakes/{Uri.EscapeDataString(body.Warehouse)}", StocktakeView.Of(stocktake));
        }
        catch (VendorCallException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, type: StocktakeProblem,
                title: "The warehouse could not be read, so its last known stock is unknown: the stocktake has not started.", detail: e.System);
        }
    }

    private static async Task<Results<Ok<StocktakeView>, ProblemHttpResult>> EndStocktakeAsync(string warehouse, InventorySettings settings, SyncEngine engine, CancellationToken ct)
    {
        if (await settings.TryEndStocktakeAsync(warehouse, ct) is not { } ended)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: StocktakeProblem, title: $"No stocktake of '{warehouse}' is under way.");
        }
        // Counted: every SKU is planned again from what the warehouse now holds.
        engine.SyncNow();
        return TypedResults.Ok(StocktakeView.Of(ended));
    }

    private static async Task<(T? Body, string? Error)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, Json, ct);
            return body is null ? (null, "a JSON body is required.") : (body, null);
        }
        catch (JsonException e)
        {
            return (null, e.Message);
        }
    }

    private sealed record SettingsBody(string? Source, List<LocationBody?>? Locations, SafetyBody? SafetyStock, List<string?>? StoresSellingWebStock = null);

    private sealed record LocationBody(string? StorefrontLocation, List<string>? Warehouses, List<string>? Stores);

    private sealed record SafetyBody(int? Default, Dictionary<string, int>? ByCategory, Dictionary<string, int>? BySku);

    private sealed record StocktakeBody(string? Warehouse);
}

public sealed record StocktakeView(string Warehouse, DateTimeOffset StartedAt, int SkusKnown)
{
    public static StocktakeView Of(Stocktake s) => new(s.Warehouse, s.StartedAt, s.LastKnown.Count);
}

/// <summary>The inventory settings in force, as the API shows them.</summary>
public sealed record InventorySettingsView(string Source, IReadOnlyList<StockLocation> Locations, SafetyStockRules SafetyStock, IReadOnlyList<StocktakeView> Stocktakes, IReadOnlyList<string> StoresSellingWebStock)
{
    public static InventorySettingsView Of(InventorySettings settings)
    {
        var current = settings.Current;
        return new(current.Source == StockSource.Erp ? "erp" : "wms+pos", current.Locations, current.SafetyStock, [.. settings.Stocktakes.Select(StocktakeView.Of)], current.StoresSellingWebStock);
    }
}
