using System.Collections.Concurrent;
using System.Text;

namespace Herald.Host.Tests.Infrastructure;

/// <summary>
/// Keeps every log record (message, state values and exception) at every level, so tests can prove what never
/// reaches the logs, and forwards each line to the current test's output when one is attached.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _records = new();

    /// <summary>Where lines also go; set it from the test class constructor.</summary>
    public ITestOutputHelper? Output { get; set; }

    public IReadOnlyCollection<string> Records => _records.ToArray();

    /// <summary>All records joined, for "does not contain" assertions.</summary>
    public string AllText => string.Join('\n', _records);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string record)
    {
        _records.Enqueue(record);
        try
        {
            Output?.WriteLine(record);
        }
        catch (InvalidOperationException)
        {
            // The test that attached the output has finished.
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var record = new StringBuilder($"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    record.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            if (exception is not null)
            {
                record.Append(" | exception=").Append(exception);
            }

            owner.Add(record.ToString());
        }
    }
}
