using Herald.Core.Domain;
using Herald.Engine.Model;
using Herald.Platforms.Abstractions;

namespace Herald.Engine.Platforms;

/// <summary>Finds the adapter that serves a platform and kind of account among those registered.</summary>
public sealed class PlatformResolver(IEnumerable<IPlatformAdapter> adapters)
{
    private readonly IReadOnlyList<IPlatformAdapter> _adapters = adapters.ToList();

    /// <summary>The adapter, or null when none is registered for the platform and kind.</summary>
    public IPlatformAdapter? Find(PlatformKind platform, AccountKind kind) =>
        _adapters.FirstOrDefault(a => a.Platform == platform && a.Handles(kind));

    /// <summary>
    /// Lets the account's adapter close what one process at a time may hold (<see cref="IPlatformAdapter.ReleaseAsync"/>),
    /// never failing the caller: what the adapter threw, for the caller to log, or null.
    /// </summary>
    public async Task<Exception?> TryReleaseAsync(AccountRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Find(row.Platform, row.Kind) is not { } adapter)
        {
            return null;
        }

        try
        {
            await adapter.ReleaseAsync(new PlatformAccount(row.TenantId, row.AccountId, row.Kind, row.SecretReference, row.Proxy), CancellationToken.None);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return e;
        }
    }
}
