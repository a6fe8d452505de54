using SyncLab.Specs.Catalog;
using Xunit;

namespace SyncLab.Acceptance;

/// <summary>docs/steps.md is what QA writes scenarios from: it must say exactly what the bindings accept.</summary>
public sealed class StepsDocTests
{
    [Fact]
    public void docs_steps_md_is_the_catalogue_generated_from_the_current_bindings()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SyncLab.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var lines = Directory.EnumerateFiles(Path.Combine(root.FullName, "specs"), "*.feature", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines);
        var expected = StepCatalog.Markdown(lines);
        var actual = File.ReadAllText(Path.Combine(root.FullName, "docs", "steps.md"));
        Assert.True(expected == actual, "docs/steps.md is out of date: run `dotnet run --project src/SyncLab.Cli -- steps --out docs/steps.md`");
    }

    [Fact]
    public void every_step_binding_has_an_example_in_the_specs()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SyncLab.sln")))
        {
            root = root.Parent;
        }
        var lines = Directory.EnumerateFiles(Path.Combine(root!.FullName, "specs"), "*.feature", SearchOption.AllDirectories).SelectMany(File.ReadLines);
        var unused = StepCatalog.Entries(lines).Where(e => e.Example is null).Select(e => e.Pattern).ToList();
        Assert.True(unused.Count == 0, $"steps no scenario uses (dead bindings): {string.Join(", ", unused)}");
    }
}
