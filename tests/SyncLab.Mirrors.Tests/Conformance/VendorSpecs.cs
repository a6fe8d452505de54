namespace SyncLab.Mirrors.Tests.Conformance;

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
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SyncLab.sln")))
            {
                var specs = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "vendor-specs"));
                return Directory.Exists(specs)
                    ? specs
                    : throw new InvalidOperationException($"Vendor specs not found at {specs}; set {Variable} to the vendor-specs folder.");
            }
        }
        throw new InvalidOperationException($"No SyncLab.sln above {AppContext.BaseDirectory}; set {Variable} to the vendor-specs folder.");
    }

    /// <summary>A vendor's file, e.g. ("shopify", "admin_schema.graphql"); fails with a clear message when absent.</summary>
    public static string File(string vendor, string file)
    {
        var path = Path.Combine(Folder(), vendor, file);
        return System.IO.File.Exists(path) ? path : throw new InvalidOperationException($"Vendor spec not found at {path}; set {Variable} to the vendor-specs folder.");
    }

    public static string Shopify(string file) => File("shopify", file);
}
