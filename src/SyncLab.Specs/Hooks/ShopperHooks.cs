using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Hooks;

[Binding]
public sealed class ShopperHooks(ShopperDriver shopper)
{
    /// <summary>The scenario's browser context goes with it; the shared browser stays for the next one.</summary>
    [AfterScenario]
    public async Task CloseBrowserContextAsync() => await shopper.DisposeAsync();
}
