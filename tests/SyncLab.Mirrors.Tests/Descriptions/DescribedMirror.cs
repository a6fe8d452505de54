using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Erp;
using SyncLab.Mirrors.Pos;
using SyncLab.Mirrors.Storefront;
using SyncLab.Mirrors.Warehouse;
using Xunit;

namespace SyncLab.Mirrors.Tests.Descriptions;

/// <summary>One mirror on loopback with its default settings (as <c>synclab up</c> runs it), a small estate and a frozen clock.</summary>
public abstract class DescribedMirror : IAsyncLifetime
{
    public BusinessClock Clock { get; } = new(start: new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), rate: 0);

    public BusinessEstate Estate { get; } = EstateGenerator.Generate(new EstateOptions { Seed = 7, Skus = 12 });

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    protected abstract WebApplication Build(MirrorHostOptions options);

    /// <summary>What the vendor API wants on every call, e.g. a bearer token.</summary>
    protected virtual void Authenticate(HttpClient http)
    {
    }

    public async Task InitializeAsync()
    {
        App = Build(new MirrorHostOptions());
        await App.StartAsync();
        Http = new HttpClient { BaseAddress = App.BoundAddress() };
        Authenticate(Http);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Clock.Dispose();
    }
}

public sealed class DescribedErp : DescribedMirror
{
    protected override WebApplication Build(MirrorHostOptions options) => ErpMirror.Build(options, Clock, Estate);

    protected override void Authenticate(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "test-token");
}

public sealed class DescribedStorefront : DescribedMirror
{
    protected override WebApplication Build(MirrorHostOptions options) => StorefrontMirror.Build(options, Clock, Estate);
}

public sealed class DescribedPos : DescribedMirror
{
    protected override WebApplication Build(MirrorHostOptions options) => PosMirror.Build(options, Clock, Estate);
}

public sealed class DescribedWarehouse : DescribedMirror
{
    protected override WebApplication Build(MirrorHostOptions options) => WarehouseMirror.Build(options, Clock, Estate);
}
