using SyncLab.Mirrors.Erp.Storage;

namespace SyncLab.Mirrors.Erp.Rules;

/// <summary>
/// A business rule the ERP enforces (period closed, item blocked...). The vendor API answers it as
/// Business Central does (400 with an Application_* code); the office API as a 409 problem.
/// </summary>
internal sealed class BusinessRuleException(string problem, string code, string message) : Exception(message)
{
    /// <summary>The problem type of the office API, e.g. <c>erp-period-closed</c>.</summary>
    public string Problem { get; } = problem;

    /// <summary>Business Central's error code for the same fault.</summary>
    public string Code { get; } = code;

    public static BusinessRuleException PeriodClosed(DateOnly postingDate) => new(
        "erp-period-closed",
        "Application_DialogException",
        $"Posting Date {postingDate:MM/dd/yy} is not within your range of allowed posting dates.");

    public static BusinessRuleException ItemBlocked(string number) => new(
        "erp-item-blocked",
        "Application_FieldValidationException",
        $"Blocked must be equal to 'No'  in Item: No.={number}. Current value is 'Yes'.");
}

/// <summary>"Allow Posting From/To" of the General Ledger Setup: the office closes a period by moving them.</summary>
internal sealed class PostingPeriod
{
    private readonly Lock _gate = new();
    private DateOnly? _from;
    private DateOnly? _to;

    public (DateOnly? From, DateOnly? To) Range
    {
        get { lock (_gate) { return (_from, _to); } }
    }

    public void Set(DateOnly? from, DateOnly? to)
    {
        lock (_gate)
        {
            (_from, _to) = (from, to);
        }
    }

    public void EnsureOpen(DateOnly postingDate)
    {
        var (from, to) = Range;
        if (postingDate < from || postingDate > to)
        {
            throw BusinessRuleException.PeriodClosed(postingDate);
        }
    }
}

internal static class ItemRules
{
    public static void EnsureNotBlocked(ItemRecord item)
    {
        if (item.Blocked)
        {
            throw BusinessRuleException.ItemBlocked(item.Number);
        }
    }
}
