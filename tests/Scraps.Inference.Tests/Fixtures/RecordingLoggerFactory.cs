using Microsoft.Extensions.Logging;

namespace Scraps.Inference.Tests.Fixtures;

/// <summary>Records every log message (level and text) of the loggers it creates.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public List<(LogLevel Level, string Text)> Messages { get; } = [];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Messages)
            {
                owner.Messages.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
