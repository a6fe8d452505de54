namespace SyncLab.Gherkin.Tests.Support;

/// <summary>Runs embedded sample scenarios through the runner API in a session of their own.</summary>
public static class SampleRun
{
    public const string PassingFeatures = "Features/";
    public const string FailingFeatures = "FailingFeatures/";

    public static GherkinScenario Scenario(string resourcePrefix, string title) =>
        FeatureSet.FromEmbeddedResources(typeof(SampleRun).Assembly, resourcePrefix).Scenarios.Single(s => s.Title == title);

    /// <summary>
    /// A session keeps these runs (and their failures) out of the test run's own report;
    /// its reports go to a temporary folder.
    /// </summary>
    public static async Task<ScenarioResult> RunAsync(string resourcePrefix, string title)
    {
        using var reports = new TemporaryDirectory();
        var session = await GherkinSession.StartAsync(typeof(SampleRun).Assembly, reports.Path);
        await using (session)
        {
            return await session.RunAsync(Scenario(resourcePrefix, title));
        }
    }
}
