namespace SyncLab.Specs.Drivers;

/// <summary>Makes a vendor misbehave through its mirror's fault API (docs/faults.md), and undoes it.</summary>
public sealed class FaultDriver(StagingConnection staging)
{
    /// <summary>Shopify's GraphQL endpoint, any API version.</summary>
    public const string StorefrontGraphQl = "/admin/api/*/graphql.json";

    /// <summary>The commerce connector's webItems page of any company.</summary>
    public const string ErpWebItems = "/api/synclab/commerce/v1.0/companies({id})/webItems";

    /// <summary>The next <paramref name="count"/> calls to the path answer 429 with a Retry-After.</summary>
    public Task ThrottleAsync(Uri mirror, string path, int count) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(mirror, "_synclab/faults"), new
        {
            id = $"scenario-throttle-{staging.RunToken}", kind = "throttle", path, count, retryAfter = "00:00:05",
        });

    /// <summary>Every call to the path answers with a server error until <see cref="ClearAsync"/>.</summary>
    public Task FailAsync(Uri mirror, string path) =>
        staging.Http.SendOkAsync(HttpMethod.Put, new Uri(mirror, "_synclab/faults"), new
        {
            id = $"scenario-error-{staging.RunToken}", kind = "error", path, status = 503,
        });

    public Task ClearAsync(Uri mirror) =>
        staging.Http.SendOkAsync(HttpMethod.Delete, new Uri(mirror, $"_synclab/faults/scenario-error-{staging.RunToken}"));
}
