using System.CommandLine;
using SyncLab.Specs.Catalog;

namespace SyncLab.Cli.Commands;

/// <summary><c>synclab steps [--specs specs] [--out docs/steps.md]</c>: the step catalogue, from the bindings this tool ships.</summary>
internal static class StepsCommand
{
    public static Command Create()
    {
        var specs = new Option<string>("--specs") { Description = "Folder of .feature files to take examples from", DefaultValueFactory = _ => "specs" };
        var output = new Option<string?>("--out") { Description = "Write the Markdown here instead of to standard output" };
        var command = new Command("steps", "List every step a scenario may use, with an example") { specs, output };
        command.SetAction(async (result, ct) =>
        {
            var folder = result.GetValue(specs)!;
            if (!Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"synclab steps: no folder '{folder}' (give --specs)");
                return 2;
            }
            var lines = Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines);
            var markdown = StepCatalog.Markdown(lines);
            if (result.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, markdown, ct);
            }
            else
            {
                await Console.Out.WriteAsync(markdown);
            }
            return 0;
        });
        return command;
    }
}
