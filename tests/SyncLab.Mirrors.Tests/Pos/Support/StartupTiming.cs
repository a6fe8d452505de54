using Xunit;

namespace SyncLab.Mirrors.Tests.Support;

/// <summary>Start-up timings run alone: measured beside other test classes on two cores they would measure the neighbours.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StartupTiming
{
    public const string Name = "Start-up timing";
}
