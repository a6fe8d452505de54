using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using SyncLab.Estate;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Hosting;
using SyncLab.Mirrors.Pos;
using Xunit;

namespace SyncLab.Mirrors.Tests.Pos;

/// <summary>One Square mirror on loopback per test class, on a frozen business clock, over a 30-SKU estate.</summary>
public class PosMirrorFixture : IAsyncLifetime
{
    public const string Token = "sq0atp-synclab-test";
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    private readonly PosMirrorSettings _settings;

    public PosMirrorFixture()
        : this(30, new PosMirrorSettings { AccessToken = Token })
    {
    }

    protected PosMirrorFixture(int skus, PosMirrorSettings settings)
    {
        _settings = settings;
        Estate = EstateGenerator.Generate(new EstateOptions { Seed = 7, Skus = skus });
    }

    public BusinessClock Clock { get; } = new(start: Start, rate: 0);

    public BusinessEstate Estate { get; }

    public WebApplication App { get; private set; } = null!;

    /// <summary>A Square API client: bearer token and Square-Version set.</summary>
    public HttpClient Square { get; private set; } = null!;

    /// <summary>A plain client for <c>/_synclab</c> and for unauthenticated calls.</summary>
    public HttpClient Plain { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = PosMirror.Build(new MirrorHostOptions(), Clock, Estate, _settings);
        await App.StartAsync();
        var address = App.BoundAddress();
        Square = new HttpClient { BaseAddress = address };
        Square.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Square.DefaultRequestHeaders.Add("Square-Version", "2025-08-20");
        Plain = new HttpClient { BaseAddress = address };
    }

    public async Task DisposeAsync()
    {
        Square.Dispose();
        Plain.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Clock.Dispose();
    }

    /// <summary>Back to the seeded estate view; tests that change state call this first.</summary>
    public async Task ResetAsync()
    {
        using var response = await Plain.PostAsync("/_synclab/pos/reset", null);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>A mirror over a catalog large enough to need several pages.</summary>
public sealed class LargePosMirrorFixture : PosMirrorFixture
{
    public LargePosMirrorFixture()
        : base(260, new PosMirrorSettings { AccessToken = Token })
    {
    }
}

/// <summary>A mirror with a tiny request budget.</summary>
public sealed class ThrottledPosMirrorFixture : PosMirrorFixture
{
    public ThrottledPosMirrorFixture()
        : base(5, new PosMirrorSettings { AccessToken = Token, RateLimit = new SquareRateLimit(3, TimeSpan.FromSeconds(1)) })
    {
    }
}
