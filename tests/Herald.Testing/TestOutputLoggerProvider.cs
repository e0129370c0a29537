using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Herald.Testing;

/// <summary>Routes a host's logs to a test's <see cref="ITestOutputHelper"/>.</summary>
public sealed class TestOutputLoggerProvider(ITestOutputHelper output, LogLevel minimum = LogLevel.Information) : ILoggerProvider
{
    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new TestOutputLogger(output, categoryName, minimum);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
