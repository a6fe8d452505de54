namespace SyncLab.Estate;

/// <summary>The abbreviations the back office types into ERP descriptions, and their meaning.</summary>
public static class OfficeShorthand
{
    public static IReadOnlyList<(string Full, string Short)> Table { get; } =
    [
        ("Black", "Blk"), ("White", "Wht"), ("Grey", "Gry"), ("Natural", "Nat"),
        ("Cotton", "Ctn"), ("Stainless", "SS"), ("Leather", "Lthr"), ("Ceramic", "Cer"),
        ("Water Bottle", "Wtr Btl"), ("Backpack", "Bkpk"), ("Cutting Board", "Cut Brd"), ("Notebook", "Ntbk"),
        ("Small", "Sml"), ("Medium", "Med"), ("Large", "Lrg"), ("Assorted", "Asst"), ("Pack of 3", "3PK"),
    ];

    public static string Abbreviate(string text)
    {
        foreach (var (full, abbreviation) in Table)
        {
            text = text.Replace(full, abbreviation, StringComparison.Ordinal);
        }
        return text.ToUpperInvariant();
    }
}
