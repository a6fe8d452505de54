using System.Globalization;
using System.Text.Json;
using SyncLab.Engine.Catalog;
using SyncLab.Engine.Connectors.BusinessCentral;
using SyncLab.Engine.Pipeline;
using SyncLab.Engine.Products;
using SyncLab.Engine.Storage;

namespace SyncLab.Engine.Seasons;

/// <summary>
/// At a season boundary (due on the business clock, at local midnight), reads the ERP item card and its commerce row as
/// they are then and hands the item to the products process, which publishes it (ACTIVE) at the season's start and
/// archives it after its end — the season's dates as the office left them, not as captured. The hand-off's version is
/// the boundary (or the card's, if newer), so it counts once. An ERP that does not answer is asked again until it does:
/// a season is never skipped.
/// </summary>
public sealed class SeasonBoundaryProcess(BusinessCentralClient erp) : IProcess
{
    public const string ProcessName = "seasons";

    public string Name => ProcessName;

    public int? MaxAttempts => int.MaxValue;

    public async Task<ProcessOutcome> ApplyAsync(WorkItem item, CancellationToken ct)
    {
        var boundary = JsonSerializer.Deserialize<SeasonBoundary>(item.Payload)!;
        var card = await erp.ItemByNumberAsync(boundary.Number, ct);
        if (card is null)
        {
            return ProcessOutcome.Nothing;
        }
        var state = ErpItemState.From(card, await erp.WebItemAsync(card.Number, ct));
        var version = string.CompareOrdinal(state.Version, item.Version) > 0 ? state.Version : item.Version;
        return new ProcessOutcome(string.Create(CultureInfo.InvariantCulture, $"season boundary {state.Sku} at {boundary.At:O}"), [])
        {
            FollowUps = [new CapturedChange(ProductProcess.ProcessName, state.Sku, version, JsonSerializer.Serialize(state))],
        };
    }
}
