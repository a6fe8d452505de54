using Microsoft.Extensions.Logging;

namespace SyncLab.Cli.Output;

/// <summary>One line per event, stamped with business time, so a user sees what each part is doing.</summary>
internal sealed class ConsoleLogProvider(TimeProvider clock, TextWriter output, LogLevel minimum) : ILoggerProvider
{
    private readonly Lock _gate = new();

    private LogLevel Minimum { get; } = minimum;

    public ILogger CreateLogger(string categoryName) => new Logger(this, Shorten(categoryName));

    public void Dispose()
    {
    }

    private static string Shorten(string category) =>
        category.StartsWith("SyncLab.", StringComparison.Ordinal) ? category["SyncLab.".Length..].Split('.')[0].ToLowerInvariant() : category;

    private void Write(string category, LogLevel level, string message, Exception? exception)
    {
        var line = $"{clock.GetUtcNow():yyyy-MM-dd HH:mm:ss}Z {Level(level)} [{category}] {message}";
        lock (_gate)
        {
            output.WriteLine(exception is null ? line : $"{line}: {exception.Message}");
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Warning => "WARN",
        LogLevel.Error or LogLevel.Critical => "FAIL",
        _ => "info",
    };

    private sealed class Logger(ConsoleLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        // Framework chatter (Kestrel, EF, HttpClient) only when it is a problem.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= owner.Minimum && (logLevel >= LogLevel.Warning || !category.Contains('.', StringComparison.Ordinal));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(category, logLevel, formatter(state, exception), exception);
            }
        }
    }
}
