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

    /// <summary>Sales-Post's check of a document's posting date (the Posting Date field caption in BC's label).</summary>
    public static BusinessRuleException PostingDateNotAllowed() => new(
        "erp-period-closed",
        "Application_DialogException",
        "Posting Date is not within your range of allowed posting dates.");

    /// <summary>Customer.CheckBlockedCustOnDocs: <paramref name="action"/> is "create" or "post".</summary>
    public static BusinessRuleException CustomerBlocked(string number, string blocked, string action) => new(
        "erp-customer-blocked",
        "Application_DialogException",
        $"You cannot {action} this type of document when Customer {number} is blocked with type {blocked}");

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

    public bool Allows(DateOnly postingDate)
    {
        var (from, to) = Range;
        return !(postingDate < from || postingDate > to);
    }

    /// <summary>The check of journals and new documents (the office's adjustments, a new sales order).</summary>
    public void EnsureOpen(DateOnly postingDate)
    {
        if (!Allows(postingDate))
        {
            throw BusinessRuleException.PeriodClosed(postingDate);
        }
    }

    /// <summary>The check Sales-Post makes when a document is posted (shipAndInvoice, a credit memo's post).</summary>
    public void EnsurePostingAllowed(DateOnly postingDate)
    {
        if (!Allows(postingDate))
        {
            throw BusinessRuleException.PostingDateNotAllowed();
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

/// <summary>What a customer's Blocked option forbids (Customer.CheckBlockedCustOnDocs).</summary>
internal static class CustomerRules
{
    /// <summary>OData's spelling of the blank option.</summary>
    public const string NotBlocked = "_x0020_";

    /// <summary>All blocks every document; Invoice blocks orders and invoices (not credit memos).</summary>
    public static void EnsureCanCreate(CustomerRecord customer, bool creditMemo)
    {
        if (customer.Blocked == "All" || (!creditMemo && customer.Blocked == "Invoice"))
        {
            throw BusinessRuleException.CustomerBlocked(customer.Number, customer.Blocked, "create");
        }
    }

    /// <summary>Posting an order ships and invoices: Ship, Invoice and All all refuse it; a credit memo only All.</summary>
    public static void EnsureCanPost(CustomerRecord customer, bool creditMemo)
    {
        if (customer.Blocked == "All" || (!creditMemo && customer.Blocked is "Ship" or "Invoice"))
        {
            throw BusinessRuleException.CustomerBlocked(customer.Number, customer.Blocked, "post");
        }
    }
}
