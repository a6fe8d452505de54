namespace SyncLab.Gherkin.Tests.Bindings;

/// <summary>The sample domain: a basket of items. One instance per scenario, injected by Reqnroll.</summary>
public sealed class Basket
{
    private const int BulkQuantity = 10;
    private const decimal BulkPriceFactor = 0.9m;

    private readonly List<(string Sku, int Quantity, decimal Price)> _lines = [];

    public string? Note { get; set; }

    public int ItemCount => _lines.Sum(l => l.Quantity);

    public decimal Total => _lines.Sum(l => l.Quantity * l.Price * (l.Quantity >= BulkQuantity ? BulkPriceFactor : 1m));

    public void Add(string sku, int quantity, decimal price) => _lines.Add((sku, quantity, price));
}
