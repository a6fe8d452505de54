using System.Reflection;
using System.Text;

namespace SyncLab.Gherkin.Catalog;

/// <summary>
/// Finds feature files. Test assemblies carry them as embedded resources, so a feature deleted
/// from the repository cannot keep running from a stale copy in an output folder; the CLI reads them from disk.
/// </summary>
internal static class FeatureSourceReader
{
    private const string FeatureExtension = ".feature";

    public static IReadOnlyList<FeatureSource> FromEmbeddedResources(Assembly assembly, string resourcePrefix)
    {
        var prefix = NormalizeSeparators(resourcePrefix);
        var sources = new List<FeatureSource>();
        foreach (var resourceName in assembly.GetManifestResourceNames())
        {
            var path = NormalizeSeparators(resourceName);
            if (!path.EndsWith(FeatureExtension, StringComparison.OrdinalIgnoreCase)
                || !path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resourceName)
                ?? throw new InvalidOperationException($"Embedded feature '{resourceName}' cannot be opened.");
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            sources.Add(new FeatureSource(path, reader.ReadToEnd()));
        }

        // File order: by path, so the run order does not depend on how MSBuild listed the resources.
        return sources.OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<FeatureSource> FromPaths(IEnumerable<string> paths, string baseDirectory)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            var fullPath = Path.GetFullPath(path, baseDirectory);
            if (Directory.Exists(fullPath))
            {
                files.AddRange(Directory
                    .EnumerateFiles(fullPath, "*" + FeatureExtension, SearchOption.AllDirectories)
                    .OrderBy(f => f, StringComparer.Ordinal));
            }
            else if (File.Exists(fullPath))
            {
                files.Add(fullPath);
            }
            else
            {
                throw new FileNotFoundException($"No feature file or folder at '{path}' (looked at '{fullPath}').", fullPath);
            }
        }

        return files
            .Distinct(StringComparer.Ordinal)
            .Select(f => new FeatureSource(
                NormalizeSeparators(Path.GetRelativePath(baseDirectory, f)),
                File.ReadAllText(f, Encoding.UTF8)))
            .ToList();
    }

    // Logical names built from %(RecursiveDir) use the build machine's separator; paths shown to people use '/'.
    private static string NormalizeSeparators(string path) => path.Replace('\\', '/');
}
