using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Herald.Testing;

/// <summary>An <see cref="ILogger"/> that writes to xunit's diagnostic sink (visible with <c>diagnosticMessages</c> on).</summary>
public sealed class MessageSinkLogger(IMessageSink? sink, string category) : ILogger
{
    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => sink is not null && logLevel >= LogLevel.Information;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            sink!.OnMessage(new DiagnosticMessage($"[{category}] {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}"));
        }
    }
}
