using Reqnroll.Formatters.Configuration;

namespace SyncLab.Gherkin.Reporting;

/// <summary>
/// Formatter settings for a session: the HTML and message formatters are always on and write into the session's
/// report folder (whatever reqnroll.json says about their paths); other formatters stay as configured.
/// REQNROLL_FORMATTERS_DISABLED=true still turns them all off.
/// </summary>
internal sealed class ReportDirectoryFormattersConfiguration(
    IFormattersConfigurationProvider configured,
    IFormattersConfigurationDisableOverrideProvider disableOverride,
    string reportDirectory) : IFormattersConfigurationProvider
{
    private const string OutputFilePathSetting = "outputFilePath";

    public bool Enabled => !disableOverride.Disabled();

    public IDictionary<string, object> GetFormatterConfigurationByName(string formatterName)
    {
        var configuredSettings = configured.Enabled ? configured.GetFormatterConfigurationByName(formatterName) : null;
        var fileName = formatterName switch
        {
            "html" => ReportFiles.Html,
            "message" => ReportFiles.Messages,
            _ => null,
        };
        if (fileName is null)
        {
            return configuredSettings!;
        }

        return new Dictionary<string, object>(configuredSettings ?? new Dictionary<string, object>(), StringComparer.OrdinalIgnoreCase)
        {
            [OutputFilePathSetting] = Path.Combine(reportDirectory, fileName),
        };
    }

    public string ResolveTemplatePlaceholders(string template) => configured.ResolveTemplatePlaceholders(template);
}
