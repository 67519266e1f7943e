using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RelayActors.Benchmarks;

/// <summary>
/// A logger factory that keeps the runtime's warnings and errors (actor failures, restarts) so a stalled scenario
/// can say what went wrong instead of only that it timed out.
/// </summary>
internal sealed class FailureLog : ILoggerFactory
{
    private const int Kept = 5;
    private readonly ConcurrentQueue<string> _first = new();
    private long _count;

    /// <summary>Warnings and errors logged so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>"N warnings/errors; first: …" for a timeout message.</summary>
    public string Describe() => Count == 0 ? "no warnings or errors logged" : $"{Count} warnings/errors logged; first: {string.Join(" | ", _first)}";

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Record(string entry)
    {
        if (Interlocked.Increment(ref _count) <= Kept)
            _first.Enqueue(entry);
    }

    private sealed class Logger(FailureLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                log.Record($"{logLevel}: {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
        }
    }
}
