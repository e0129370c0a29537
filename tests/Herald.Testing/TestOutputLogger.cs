using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Herald.Testing;

/// <summary>An <see cref="ILogger"/> that writes to a test's <see cref="ITestOutputHelper"/>.</summary>
public sealed class TestOutputLogger(ITestOutputHelper output, string category, LogLevel minimum = LogLevel.Debug) : ILogger
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            output.WriteLine($"{logLevel,-11} {category}[{eventId.Id}] {formatter(state, exception)}{(exception is null ? string.Empty : Environment.NewLine + exception)}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; xunit refuses late output.
        }
    }
}
