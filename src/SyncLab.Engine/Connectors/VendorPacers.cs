namespace SyncLab.Engine.Connectors;

/// <summary>
/// The engine's request pacers, one per request-counting vendor (<see cref="EngineOptions.Limits"/>), shared by every
/// caller of that vendor's client (the typed clients are made anew for each caller).
/// </summary>
public sealed class VendorPacers : Pipeline.IEngineCache, IDisposable
{
    public VendorPacers(EngineOptions options, TimeProvider clock, Telemetry.EngineTelemetry? telemetry = null)
    {
        Action<string, TimeSpan>? paced = telemetry is null ? null : telemetry.VendorPaced;
        Erp = new RequestPacer("erp", options.Limits.Erp, clock, paced: paced);
        Warehouse = new RequestPacer("warehouse", options.Limits.Warehouse, clock, paced: paced);
        Pos = new RequestPacer("pos", options.Limits.Pos, clock, paced: paced);
    }

    public RequestPacer Erp { get; }

    public RequestPacer Warehouse { get; }

    public RequestPacer Pos { get; }

    public void Forget()
    {
        Erp.Forget();
        Warehouse.Forget();
        Pos.Forget();
    }

    public void Dispose()
    {
        Erp.Dispose();
        Warehouse.Dispose();
        Pos.Dispose();
    }
}
