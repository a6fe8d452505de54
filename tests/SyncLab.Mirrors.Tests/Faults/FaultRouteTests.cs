using SyncLab.MirrorKit.Faults;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

public sealed class FaultRouteTests
{
    [Theory]
    [InlineData("/api/v2.0/companies({id})/items", "/api/v2.0/companies(5b8c1c7e-0000-4000-8000-000000000001)/items", true)]
    [InlineData("/api/v2.0/companies({id})/items", "/api/v2.0/companies(5b8c)/items/extra", false)]
    [InlineData("/v2/**", "/v2", true)]
    [InlineData("/v2/**", "/v2/inventory/counts/batch-retrieve", true)]
    [InlineData("/v2/**", "/v20/locations", false)]
    [InlineData("/v2/catalog/*", "/v2/catalog/list", true)]
    [InlineData("/v2/catalog/*", "/v2/catalog/search/items", false)]
    [InlineData("/admin/api/*/graphql.json", "/admin/api/2025-01/graphql.json", true)]
    [InlineData("/**", "/anything/at/all", true)]
    [InlineData("/V2/Locations", "/v2/locations", true)]
    public void a_path_pattern_matches_templates_globs_and_prefixes(string pattern, string path, bool matches) =>
        Assert.Equal(matches, FaultRoute.Parse(null, pattern).Matches("GET", path));

    [Fact]
    public void a_method_limits_the_route_and_star_means_any()
    {
        var post = FaultRoute.Parse("post", "/v2/**");
        Assert.True(post.Matches("POST", "/v2/orders"));
        Assert.False(post.Matches("GET", "/v2/orders"));
        Assert.True(FaultRoute.Parse("*", "/v2/**").Matches("DELETE", "/v2/orders"));
    }

    [Theory]
    [InlineData("GET", "v2/items")]
    [InlineData("GET", "/v2/{id")]
    [InlineData("GET", "/v2/id}")]
    [InlineData("GET", "/_synclab/faults")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/v2/items?x=1")]
    [InlineData("G E T", "/v2/items")]
    public void malformed_routes_are_refused_with_a_reason(string method, string path)
    {
        Assert.False(FaultRoute.TryParse(method, path, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
