using Microsoft.Playwright;

namespace SyncLab.Specs.Drivers;

/// <summary>
/// One headless Chromium for every scenario of the run, started when the first scenario needs it (each
/// scenario gets a fresh context of its own). Debian's Chromium: <c>SYNCLAB_TEST_CHROMIUM</c>, else
/// <c>/usr/bin/chromium</c>; Playwright's own browser download is never used.
/// </summary>
public static class SharedBrowser
{
    public const string ChromiumVariable = "SYNCLAB_TEST_CHROMIUM";

    private static readonly Lazy<Task<IBrowser>> Browser = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<IBrowser> GetAsync() => Browser.Value;

    private static async Task<IBrowser> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"@shopper-view scenarios need Chromium: {path} does not exist; install Debian's chromium or set {ChromiumVariable}.");
        }
        // Lives as long as the test process: the browser closes with it.
        var playwright = await Playwright.CreateAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }
}
