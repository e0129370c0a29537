using Herald.Engine.Model;
using Herald.Engine.Platforms;
using Herald.Platforms.Abstractions;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Accounts;

/// <summary>
/// Asks an account's platform adapter whether the account administers a chat with the invite right (R12), holding the
/// account's lease for the whole check (<see cref="AccountLeases"/>): the adapter may open what one process at a time may
/// hold (a TDLib session), so it never does so while the account's actor, in this or another process, works. What it
/// opened is let go before the lease is.
/// </summary>
public sealed class AccountAdminRights(AccountLeases leases, PlatformResolver platforms, ILogger<AccountAdminRights> logger)
{
    /// <summary>
    /// The check's answer, or why there is none: no adapter serves the account here, the lease is someone else's (and
    /// until when), or the account is gone. The adapter's exceptions reach the caller (after the lease is let go).
    /// </summary>
    public async Task<AccountAdminRightsResult> CheckAsync(AccountRecord row, string chat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        var adapter = platforms.Find(row.Platform, row.Kind);
        if (adapter is null)
        {
            return new AccountAdminRightsResult(AccountAdminRightsState.NoAdapter);
        }

        var take = await leases.TryTakeAsync(row.TenantId, row.AccountId, cancellationToken);
        if (take.Lease is not { } lease)
        {
            return take.HeldUntil is { } until
                ? new AccountAdminRightsResult(AccountAdminRightsState.Busy, BusyUntil: until)
                : new AccountAdminRightsResult(AccountAdminRightsState.Gone);
        }

        await using (lease)
        {
            var held = lease.Row;
            try
            {
                var check = await adapter.CheckAdminRightsAsync(new PlatformAccount(held.TenantId, held.AccountId, held.Kind, held.SecretReference, held.Proxy), chat, cancellationToken);
                return new AccountAdminRightsResult(AccountAdminRightsState.Checked, check);
            }
            finally
            {
                // Before the lease goes: the account's worker, possibly in another process, may open the session at once.
                if (await platforms.TryReleaseAsync(held) is { } e)
                {
                    Log.PlatformThrew(logger, e, held.TenantId, held.AccountId);
                }
            }
        }
    }
}
