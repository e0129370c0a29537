using System.Collections.Concurrent;
using Herald.Platforms.Abstractions;

namespace Herald.Platforms.Tests.Support;

/// <summary>A secret store in memory: references are opaque, values come back until deleted.</summary>
internal sealed class InMemorySecretStore : ISecretStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public int Reads { get; private set; }

    public Task<string> SetAsync(string tenantId, string name, string value, CancellationToken cancellationToken = default)
    {
        var reference = $"memory://{tenantId}/{name}";
        _values[reference] = value;
        return Task.FromResult(reference);
    }

    public Task<string?> GetAsync(string reference, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(_values.TryGetValue(reference, out var value) ? value : null);
    }

    public Task DeleteAsync(string reference, CancellationToken cancellationToken = default)
    {
        _values.TryRemove(reference, out _);
        return Task.CompletedTask;
    }
}
