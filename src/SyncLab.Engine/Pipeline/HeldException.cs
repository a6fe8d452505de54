namespace SyncLab.Engine.Pipeline;

/// <summary>
/// The target refused the change for a reason that passes with the calendar, not with the data: the ERP's books
/// are closed for the document's day and the new period is not open yet. The change is held — kept pending,
/// looked at again every <see cref="EngineOptions.HoldRecheck"/>, never dead-lettered and never a data error —
/// and reported at <c>GET /engine/held</c> until it applies.
/// </summary>
public sealed class HeldException(string message) : Exception(message);
