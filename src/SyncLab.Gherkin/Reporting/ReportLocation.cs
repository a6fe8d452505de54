namespace SyncLab.Gherkin.Reporting;

/// <summary>
/// Where the reports of test runs go: <c>artifacts/reqnroll</c> under the repository root, found by walking up from
/// the test output folder to the folder holding SyncLab.sln. reqnroll.json refers to it as
/// <c>{env:SYNCLAB_REQNROLL_REPORT_DIR}</c>, so the variable is set (unless already set) before Reqnroll starts.
/// </summary>
public static class ReportLocation
{
    /// <summary>The environment variable reqnroll.json's formatter paths use.</summary>
    public const string DirectoryVariable = "SYNCLAB_REQNROLL_REPORT_DIR";

    /// <summary>The report folder relative to the repository root (tests) or the working directory (CLI).</summary>
    public const string RelativeDirectory = "artifacts/reqnroll";

    private const string SolutionFileName = "SyncLab.sln";

    /// <summary>The folder holding SyncLab.sln at or above <paramref name="startDirectory"/>, or <c>null</c>.</summary>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>
    /// The report folder of a test run: under the repository root, or under the test output folder when the tests
    /// run outside a checkout (e.g. from a copied publish folder).
    /// </summary>
    public static string ForTestRun()
    {
        var baseDirectory = AppContext.BaseDirectory;
        return Path.GetFullPath(Path.Combine(FindRepositoryRoot(baseDirectory) ?? baseDirectory, RelativeDirectory));
    }

    /// <summary>Sets <see cref="DirectoryVariable"/> for this process unless the caller's environment already did.</summary>
    public static string EnsureDirectoryVariable()
    {
        var configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var directory = ForTestRun();
        Environment.SetEnvironmentVariable(DirectoryVariable, directory);
        return directory;
    }
}
