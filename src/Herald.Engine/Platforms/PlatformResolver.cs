using Herald.Core.Domain;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Platforms;

/// <summary>Finds the adapter that serves a platform and kind of account among those registered.</summary>
public sealed class PlatformResolver(IEnumerable<IPlatformAdapter> adapters)
{
    private readonly IReadOnlyList<IPlatformAdapter> _adapters = adapters.ToList();

    /// <summary>The adapter, or null when none is registered for the platform and kind.</summary>
    public IPlatformAdapter? Find(PlatformKind platform, AccountKind kind) =>
        _adapters.FirstOrDefault(a => a.Platform == platform && a.Handles(kind));
}
