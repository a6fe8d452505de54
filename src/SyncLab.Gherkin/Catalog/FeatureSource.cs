namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// The text of one feature file and the path that names it in messages and reports
/// (an embedded resource's logical name, or a path relative to the CLI's working directory).
/// </summary>
internal sealed record FeatureSource(string Path, string Text);
