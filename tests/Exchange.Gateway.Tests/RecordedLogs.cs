using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests;

/// <summary>A logger provider that keeps every entry a node logs, for tests of what is (and is not) written to the log.</summary>
public sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    /// <param name="Message">The formatted message, as a log file would show it.</param>
    public sealed record Entry(LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Recorder(RecordedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue(new Entry(logLevel, eventId, formatter(state, exception), exception));
    }
}
