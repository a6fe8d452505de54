using System.CommandLine;
using SyncLab.Cli.Commands;

var root = new RootCommand("SyncLab: mirrors of ERP, POS, warehouse and storefront, the sync engine, and the scenarios that prove it.")
{
    UpCommand.Create(),
    EngineCommand.Create(),
    MirrorCommand.Create(),
    TestCommand.Create(),
    BenchCommand.Create(),
    StepsCommand.Create(),
};
// Tag expressions start with '@' ("--tags @orders"); they must not be read as response files.
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (parsed.Errors.Count > 0)
{
    // Bad input gets one plain line and a non-zero exit; --help shows the rest.
    var message = string.Join(' ', parsed.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
    await Console.Error.WriteLineAsync($"synclab: {message} (see synclab --help)");
    return 2;
}
return await parsed.InvokeAsync();
