namespace Herald.Host.Hosting.Durable;

/// <summary>Writes the sidecar's logs to the host's own logging, under the sidecar's filters.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The host owns the target factory.
    }
}
