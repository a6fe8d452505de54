using System.Text.Json.Nodes;

namespace SyncLab.Specs.Drivers;

/// <summary>The web orders a scenario placed, newest last, so "the web order" means the latest one.</summary>
public sealed class ScenarioOrders
{
    private readonly List<JsonNode> _orders = [];

    public void Add(JsonNode order) => _orders.Add(order);

    public JsonNode First => _orders.Count > 0 ? _orders[0] : throw new InvalidOperationException("no web order was placed in this scenario");

    /// <summary>The ERP's external document number of a web order, as the engine writes it.</summary>
    public static string ExternalNumberOf(JsonNode order) => $"SHOPIFY-{(long)order["legacyResourceId"]!}";

    public JsonNode Last => _orders.Count > 0 ? _orders[^1] : throw new InvalidOperationException("no web order was placed in this scenario");

    /// <summary>The ERP's external document number for the latest web order, as the engine writes it.</summary>
    public string LastExternalNumber => ExternalNumberOf(Last);
}
