using System.CommandLine;
using SyncLab.Cli.Commands;

var root = new RootCommand("SyncLab: mirrors of ERP, POS, warehouse and storefront, the sync engine, and the scenarios that prove it.")
{
    UpCommand.Create(),
    TestCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
