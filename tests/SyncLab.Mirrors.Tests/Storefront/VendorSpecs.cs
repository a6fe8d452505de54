namespace SyncLab.Mirrors.Tests.Storefront;

/// <summary>Where the vendor specs live: <c>SYNCLAB_VENDOR_SPECS</c>, else <c>../shared/vendor-specs</c> beside the repo root (the folder holding SyncLab.sln).</summary>
public static class VendorSpecs
{
    public const string Variable = "SYNCLAB_VENDOR_SPECS";

    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"{Variable}={configured} does not exist.");
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyncLab.sln")))
            {
                var specs = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "vendor-specs"));
                return Directory.Exists(specs)
                    ? specs
                    : throw new InvalidOperationException($"Vendor specs not found at {specs}; set {Variable} to the vendor-specs folder.");
            }
        }
        throw new InvalidOperationException($"No SyncLab.sln above {AppContext.BaseDirectory}; set {Variable} to the vendor-specs folder.");
    }

    public static string Shopify(string file) => Path.Combine(Folder(), "shopify", file);
}
