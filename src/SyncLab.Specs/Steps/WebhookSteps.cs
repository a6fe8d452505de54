using Reqnroll;
using SyncLab.Specs.Drivers;

namespace SyncLab.Specs.Steps;

[Binding]
public sealed class WebhookSteps(WebhookDriver webhooks, ClockDriver clock, StagingConnection staging)
{
    [Given(@"^the storefront's order webhooks go to the engine$")]
    public Task GivenOrderWebhooksGoToTheEngine() => webhooks.SubscribeTheEngineAsync();

    /// <summary>The storefront's query budget refills on the business clock; the next poll stays ahead.</summary>
    [Given(@"^(\d+) seconds of business time have passed, short of the engine's next poll$")]
    public async Task GivenSecondsPassed(int seconds)
    {
        if (TimeSpan.FromSeconds(seconds) >= staging.PollInterval)
        {
            throw new InvalidOperationException($"{seconds} s reaches the engine's next poll (every {staging.PollInterval})");
        }
        await clock.AdvanceAsync(TimeSpan.FromSeconds(seconds));
    }

    [Given(@"^the storefront loses every webhook it sends$")]
    public Task GivenTheStorefrontLosesWebhooks() => webhooks.MisbehaveAsync(dropRate: 1, duplicateRate: 0);

    [Given(@"^the storefront sends every webhook twice$")]
    public Task GivenTheStorefrontSendsTwice() => webhooks.MisbehaveAsync(dropRate: 0, duplicateRate: 1);

    [When(@"^the storefront has sent its webhook for the web order, with no poll due$")]
    public Task WhenTheWebhookWasSent() => webhooks.AwaitOrderWebhookAsync();

    [Then(@"^the engine acted once on the repeated webhook and ignored the copy$")]
    public async Task ThenTheCopyWasIgnored()
    {
        var receipts = await webhooks.ReceiptsAsync();
        if (!receipts.Contains(("orders/create", "poll")) || !receipts.Contains(("orders/create", "duplicate")))
        {
            throw new InvalidOperationException($"the engine's webhook receipts are {string.Join(", ", receipts)}: expected one orders/create acted on and its copy ignored");
        }
    }
}
