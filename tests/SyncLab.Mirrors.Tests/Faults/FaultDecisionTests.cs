using SyncLab.MirrorKit.Chaos;
using SyncLab.MirrorKit.Clock;
using SyncLab.MirrorKit.Faults;
using SyncLab.MirrorKit.Ledger;
using Xunit;

namespace SyncLab.Mirrors.Tests.Faults;

/// <summary>The decisions alone, without a server: which fault answers a call, and what webhook chaos does to a delivery.</summary>
public sealed class FaultDecisionTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly BusinessClock _clock = new(start: Start, rate: 0);

    public void Dispose() => _clock.Dispose();

    private static FaultRule Rule(FaultDefinition definition)
    {
        Assert.True(FaultValidation.TryValidate(definition, out var rule, out var errors), string.Join("; ", errors.SelectMany(e => e.Value)));
        return rule!;
    }

    [Fact]
    public void a_maintenance_window_wins_over_a_burst_and_the_burst_is_not_spent_meanwhile()
    {
        var book = new FaultBook(new FaultSettings(), _clock);
        book.Put(Rule(new() { Id = "err", Kind = "error" }));
        book.Put(Rule(new() { Id = "burst", Kind = "throttle", Count = 1 }));
        book.Put(Rule(new() { Id = "down", Kind = "maintenance", From = Start, Until = Start.AddMinutes(10) }));
        book.Put(Rule(new() { Id = "slow", Kind = "latency", Delay = TimeSpan.FromMilliseconds(20) }));

        var during = book.Decide("GET", "/v2/items");
        Assert.Equal("down", during.Answer!.RuleId);
        Assert.Equal(TimeSpan.FromMinutes(10), during.Answer.RetryAfter);
        Assert.Equal(TimeSpan.FromMilliseconds(20), during.Delay);

        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal("burst", book.Decide("GET", "/v2/items").Answer!.RuleId);
        Assert.Equal("err", book.Decide("GET", "/v2/items").Answer!.RuleId);
    }

    [Fact]
    public void a_fault_whose_route_does_not_match_is_not_drawn_and_plans_nothing()
    {
        var book = new FaultBook(new FaultSettings(), _clock);
        book.Put(Rule(new() { Kind = "error", Method = "POST", Path = "/v2/orders" }));

        Assert.True(book.Decide("GET", "/v2/orders").IsEmpty);
        Assert.Equal(0, book.List()[0].Applied);
    }

    [Fact]
    public void ids_are_generated_in_order_and_the_default_seed_is_stable_across_processes()
    {
        var one = new FaultBook(new FaultSettings(9), _clock).Put(Rule(new() { Kind = "error", Rate = 0.5 }));
        var two = new FaultBook(new FaultSettings(9), _clock).Put(Rule(new() { Kind = "error", Rate = 0.5 }));

        Assert.Equal("fault-1", one.Id);
        Assert.Equal(one.Seed, two.Seed);
    }

    [Fact]
    public void chaos_holds_a_delivery_for_the_extra_delay_then_sends_it()
    {
        var chaos = new WebhookChaos(_clock, new MirrorLedger(_clock));
        chaos.Configure(new WebhookChaosSettings { ExtraDelay = TimeSpan.FromMinutes(5) });

        var first = chaos.Decide("d1");
        Assert.Equal(Start.AddMinutes(5), first.HoldUntil);
        Assert.Equal(first, chaos.Decide("d1"));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ChaosVerdict.Send, chaos.Decide("d1"));
        // Released once: a retry of the same delivery is not held again.
        Assert.Equal(ChaosVerdict.Send, chaos.Decide("d1"));
    }

    [Fact]
    public async Task a_dropped_delivery_is_never_sent_and_a_duplicated_one_is_sent_twice()
    {
        var chaos = new WebhookChaos(_clock, new MirrorLedger(_clock));
        var sent = 0;
        Task<int> Send() => Task.FromResult(++sent);

        chaos.Configure(new WebhookChaosSettings { DropRate = 1 });
        Assert.Equal(-1, await chaos.Decide("a").SendAsync(Send, dropped: -1));
        Assert.Equal(0, sent);

        chaos.Configure(new WebhookChaosSettings { DuplicateRate = 1 });
        Assert.Equal(1, await chaos.Decide("b").SendAsync(Send, dropped: -1));
        Assert.Equal(2, sent);

        chaos.Configure(WebhookChaosSettings.Off);
        Assert.Equal(ChaosVerdict.Send, chaos.Decide("c"));
    }
}
