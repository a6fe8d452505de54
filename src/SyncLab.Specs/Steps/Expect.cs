namespace SyncLab.Specs.Steps;

/// <summary>A Then step's check: fails with a sentence saying what the system shows and what was expected.</summary>
internal static class Expect
{
    public static void That(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
