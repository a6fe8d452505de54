using SyncLab.MirrorKit.Hosting;

namespace SyncLab.Cli.Output;

/// <summary>How the CLI names what a mirror stands in for, e.g. "Microsoft Dynamics 365 Business Central API v2.0".</summary>
internal static class MirrorText
{
    public static string Mirrors(MirrorDescriptor mirror)
    {
        var api = mirror.Api.StartsWith(mirror.Vendor, StringComparison.Ordinal) ? mirror.Api : $"{mirror.Vendor} {mirror.Api}";
        return $"{api} {mirror.ApiVersion}";
    }
}
