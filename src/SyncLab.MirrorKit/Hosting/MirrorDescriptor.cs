namespace SyncLab.MirrorKit.Hosting;

/// <summary>Which real system a mirror stands in for; served at <c>/_synclab/info</c> and printed by <c>synclab up</c>.</summary>
public sealed record MirrorDescriptor(string System, string Vendor, string Api, string ApiVersion);
