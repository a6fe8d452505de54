using Microsoft.Extensions.Time.Testing;
using SyncLab.MirrorKit.Clock;

namespace SyncLab.Engine.Tests.Clock;

public sealed class BusinessClockTests
{
    private static readonly DateTimeOffset Start = new(2028, 2, 28, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void a_frozen_clock_does_not_move_while_real_time_passes()
    {
        var real = new FakeTimeProvider(Start);
        using var clock = new BusinessClock(real, Start, rate: 0);
        real.Advance(TimeSpan.FromHours(5));
        Assert.Equal(Start, clock.GetUtcNow());
    }

    [Fact]
    public void a_fast_clock_runs_business_time_at_its_rate()
    {
        var real = new FakeTimeProvider(Start);
        using var clock = new BusinessClock(real, Start, rate: 60);
        real.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(Start.AddMinutes(2), clock.GetUtcNow());
    }

    [Fact]
    public void advancing_fires_every_timer_due_on_the_way_in_due_order_each_seeing_its_own_instant()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        var fired = new List<(string Name, DateTimeOffset At)>();
        using var late = clock.CreateTimer(_ => fired.Add(("late", clock.GetUtcNow())), null, TimeSpan.FromMinutes(90), Timeout.InfiniteTimeSpan);
        using var early = clock.CreateTimer(_ => fired.Add(("early", clock.GetUtcNow())), null, TimeSpan.FromMinutes(30), Timeout.InfiniteTimeSpan);
        using var never = clock.CreateTimer(_ => fired.Add(("never", clock.GetUtcNow())), null, TimeSpan.FromHours(3), Timeout.InfiniteTimeSpan);

        clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal([("early", Start.AddMinutes(30)), ("late", Start.AddMinutes(90))], fired);
        Assert.Equal(Start.AddHours(2), clock.GetUtcNow());
    }

    [Fact]
    public void a_periodic_timer_fires_once_per_period_passed()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        var count = 0;
        using var timer = clock.CreateTimer(_ => count++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(10, count);
    }

    [Fact]
    public void crossing_into_a_leap_day_is_ordinary_business_time()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(new DateTimeOffset(2028, 2, 29, 0, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public async Task a_delay_on_the_business_clock_completes_when_the_clock_is_advanced_past_it()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(delay.IsCompleted);
        clock.Advance(TimeSpan.FromMinutes(1));
        await delay.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void setting_the_clock_back_fires_nothing_and_moves_time_back()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        var fired = false;
        using var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        clock.Set(Start.AddDays(-1));
        Assert.False(fired);
        Assert.Equal(Start.AddDays(-1), clock.GetUtcNow());
    }

    [Fact]
    public void a_disposed_timer_never_fires()
    {
        using var clock = new BusinessClock(new FakeTimeProvider(Start), Start, rate: 0);
        var fired = false;
        var timer = clock.CreateTimer(_ => fired = true, null, TimeSpan.FromMinutes(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(fired);
    }
}
