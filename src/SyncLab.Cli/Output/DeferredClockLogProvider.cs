using Microsoft.Extensions.Logging;

namespace SyncLab.Cli.Output;

/// <summary>Logs written before the clock exists are stamped with the system clock; <see cref="Attach"/> switches to business time.</summary>
internal sealed class DeferredClockLogProvider(TextWriter output) : ILoggerProvider
{
    private ConsoleLogProvider _inner = new(TimeProvider.System, output, LogLevel.Information);

    public void Attach(TimeProvider clock) => _inner = new ConsoleLogProvider(clock, output, LogLevel.Information);

    public ILogger CreateLogger(string categoryName) => new Forward(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Forward(DeferredClockLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner._inner.CreateLogger(category).IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._inner.CreateLogger(category).Log(logLevel, eventId, state, exception, formatter);
    }
}
