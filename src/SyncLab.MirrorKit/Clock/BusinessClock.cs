namespace SyncLab.MirrorKit.Clock;

/// <summary>
/// The one business clock that every mirror and the engine share. It runs at real time by default;
/// tests and scenarios set it, freeze it, advance it or run it fast. Timers created from it fire in
/// due order as business time passes, whether time passes by itself or by <see cref="Advance"/>.
/// </summary>
public sealed class BusinessClock : TimeProvider, IDisposable
{
    private readonly TimeProvider _real;
    private readonly Lock _gate = new();
    private readonly List<ClockTimer> _timers = [];
    private readonly ITimer _pump;
    private DateTimeOffset _anchorBusiness;
    private long _anchorReal;
    private double _rate;
    private TimeZoneInfo _zone;

    public BusinessClock(TimeProvider? real = null, DateTimeOffset? start = null, double rate = 1.0, TimeZoneInfo? zone = null)
    {
        _real = real ?? System;
        _anchorReal = _real.GetTimestamp();
        _anchorBusiness = start ?? _real.GetUtcNow();
        _rate = rate;
        _zone = zone ?? TimeZoneInfo.Utc;
        // One real timer drives every business timer; it is re-armed for the earliest due one.
        _pump = _real.CreateTimer(_ => FireDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Business seconds per real second: 0 = frozen, 1 = real time, 60 = a minute per second.</summary>
    public double Rate
    {
        get { lock (_gate) { return _rate; } }
    }

    public override TimeZoneInfo LocalTimeZone
    {
        get { lock (_gate) { return _zone; } }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return NowLocked();
        }
    }

    /// <summary>Jumps to <paramref name="instant"/>. Timers due on the way fire in order; going back fires nothing.</summary>
    public void Set(DateTimeOffset instant)
    {
        lock (_gate)
        {
            ReAnchor();
            var now = _anchorBusiness;
            if (instant <= now)
            {
                _anchorBusiness = instant.ToUniversalTime();
                ArmPump();
                return;
            }
        }
        Advance(instant - GetUtcNow());
    }

    /// <summary>Moves business time forward, firing every timer that falls due, in due order, at its due instant.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            ReAnchor();
            target = _anchorBusiness + by;
        }

        while (true)
        {
            ClockTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is { } d && d <= target).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    ReAnchor();
                    if (_anchorBusiness < target)
                    {
                        _anchorBusiness = target;
                    }
                    ArmPump();
                    return;
                }
                // Stand on the timer's due instant while it runs, so it sees the time it asked for.
                ReAnchor();
                if (_anchorBusiness < next.Due!.Value)
                {
                    _anchorBusiness = next.Due.Value;
                }
                next.Consume();
            }
            next.Invoke();
        }
    }

    public void SetRate(double rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        lock (_gate)
        {
            ReAnchor();
            _rate = rate;
            ArmPump();
        }
    }

    public void SetTimeZone(TimeZoneInfo zone)
    {
        lock (_gate)
        {
            _zone = zone;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ClockTimer(this, callback, state);
        lock (_gate)
        {
            _timers.Add(timer);
        }
        timer.Change(dueTime, period);
        return timer;
    }

    public void Dispose() => _pump.Dispose();

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    private long _sequence;

    internal void Reschedule(ClockTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : NowLocked() + dueTime;
            timer.Period = period;
            timer.Sequence = NextSequence();
            ArmPump();
        }
    }

    internal void Remove(ClockTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            ArmPump();
        }
    }

    private DateTimeOffset NowLocked()
    {
        var elapsed = _real.GetElapsedTime(_anchorReal);
        return _anchorBusiness + TimeSpan.FromTicks((long)(elapsed.Ticks * _rate));
    }

    private void ReAnchor()
    {
        _anchorBusiness = NowLocked();
        _anchorReal = _real.GetTimestamp();
    }

    private void FireDue()
    {
        while (true)
        {
            ClockTimer? next;
            lock (_gate)
            {
                var now = NowLocked();
                next = _timers.Where(t => t.Due is { } d && d <= now).OrderBy(t => t.Due).ThenBy(t => t.Sequence).FirstOrDefault();
                if (next is null)
                {
                    ArmPump();
                    return;
                }
                next.Consume();
            }
            next.Invoke();
        }
    }

    private void ArmPump()
    {
        var earliest = _timers.Where(t => t.Due.HasValue).Select(t => t.Due!.Value).DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        if (earliest == DateTimeOffset.MaxValue || _rate <= 0)
        {
            _pump.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var businessWait = earliest - NowLocked();
        var realWait = businessWait <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Min(businessWait.Ticks / _rate, TimeSpan.FromDays(1).Ticks));
        _pump.Change(realWait, Timeout.InfiniteTimeSpan);
    }
}
