using Azure.Core.Pipeline;

namespace Herald.Host.Hosting.Durable;

/// <summary>
/// A pipeline policy the sidecar adds to the task hub's own storage clients (register one to observe them, e.g. the
/// campaigns benchmark counting the orchestrations' storage requests). Only with a connection string.
/// </summary>
public sealed record DurableStoragePolicy(HttpPipelinePolicy Policy);
