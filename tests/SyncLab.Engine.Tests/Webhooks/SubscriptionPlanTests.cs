using SyncLab.Engine.Webhooks;

namespace SyncLab.Engine.Tests.Webhooks;

public sealed class SubscriptionPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public void a_business_central_subscription_is_made_kept_renewed_within_a_day_of_expiry_and_made_again_once_expired()
    {
        Assert.Equal(SubscriptionAction.Create, SubscriptionPlan.ForBusinessCentral(null, Now, Day));
        Assert.Equal(SubscriptionAction.Keep, SubscriptionPlan.ForBusinessCentral(Now.AddDays(3), Now, Day));
        Assert.Equal(SubscriptionAction.Keep, SubscriptionPlan.ForBusinessCentral(Now + Day + TimeSpan.FromSeconds(1), Now, Day));
        Assert.Equal(SubscriptionAction.Renew, SubscriptionPlan.ForBusinessCentral(Now + Day, Now, Day));
        Assert.Equal(SubscriptionAction.Renew, SubscriptionPlan.ForBusinessCentral(Now.AddSeconds(1), Now, Day));
        Assert.Equal(SubscriptionAction.Recreate, SubscriptionPlan.ForBusinessCentral(Now, Now, Day));
        Assert.Equal(SubscriptionAction.Recreate, SubscriptionPlan.ForBusinessCentral(Now.AddDays(-2), Now, Day));
    }

    [Fact]
    public void a_disabled_square_subscription_is_replaced_and_shipstations_one_webhook_per_event_is_pointed_at_the_engine()
    {
        Assert.Equal(SubscriptionAction.Create, SubscriptionPlan.ForSquare(null));
        Assert.Equal(SubscriptionAction.Recreate, SubscriptionPlan.ForSquare(false));
        Assert.Equal(SubscriptionAction.Keep, SubscriptionPlan.ForSquare(true));
        Assert.Equal(SubscriptionAction.Create, SubscriptionPlan.ForShipStation(null, "http://e/engine/webhooks/shipstation"));
        Assert.Equal(SubscriptionAction.Keep, SubscriptionPlan.ForShipStation("http://e/engine/webhooks/shipstation", "http://e/engine/webhooks/shipstation"));
        Assert.Equal(SubscriptionAction.Point, SubscriptionPlan.ForShipStation("http://old/hook", "http://e/engine/webhooks/shipstation"));
    }

    [Theory]
    [InlineData("/api/v2.0/companies(ABC)/items", "v2.0/companies(abc)/items")]
    [InlineData("api/v2.0/companies(abc)/items?$filter=x", "v2.0/companies(abc)/items")]
    [InlineData("https://api.businesscentral.dynamics.com/v2.0/t/production/api/v2.0/companies(abc)/customers", "v2.0/t/production/api/v2.0/companies(abc)/customers")]
    public void a_resource_is_known_by_its_path_without_query_case_or_api_prefix(string resource, string key) =>
        Assert.Equal(key, SubscriptionPlan.ResourceKey(resource));
}
