using Herald.Engine.Actors;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Microsoft.Extensions.Logging;

namespace Herald.Engine.Accounts;

/// <summary>
/// Takes an account's lease for work done outside its actor's tick that must not overlap one (the admin-rights check opens
/// the account's TDLib session, and two TDLib instances on one session log the user out): the same lease, in the same
/// row, that the actor's tick takes by ETag, so it guards across processes. While it is held the actor's ticks wait
/// (they see the account busy); a lease the check's process dies holding runs out like a tick's.
/// </summary>
public sealed class AccountLeases(AccountStore accounts, AccountService service, EngineOptions options, TimeProvider time, ILogger<AccountLeases> logger)
{
    /// <summary>
    /// Takes the account's lease if nobody holds it: the lease (renewed while it is held, released by disposing it), or
    /// until when another holder has it, or neither when the account is gone.
    /// </summary>
    public async Task<AccountLeaseTake> TryTakeAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        for (var tries = 0; ; tries++)
        {
            var row = await accounts.GetAsync(tenantId, accountId, cancellationToken);
            if (row is null)
            {
                return new AccountLeaseTake(null, null);
            }

            var now = time.GetUtcNow();
            if (row.LeaseId is not null && row.LeaseUntil is { } until && until > now)
            {
                return new AccountLeaseTake(null, until);
            }

            // As a tick takes it: an attempt that died holding the lease stays listed for the actor to recover.
            if (row.LeaseId is { } previous && !row.Unrecovered.Contains(previous))
            {
                row.Unrecovered.Add(previous);
            }

            var id = EngineKeys.NewId();
            row.LeaseId = id;
            row.LeaseUntil = now + options.LeaseDuration;
            if (await accounts.TryReplaceAsync(row, cancellationToken))
            {
                return new AccountLeaseTake(new AccountLease(this, row, id, new LeaseHeartbeat(accounts, row, id, options, time, logger)), null);
            }

            if (tries >= 5)
            {
                return new AccountLeaseTake(null, now + TimeSpan.FromSeconds(1)); // the row keeps changing: someone is at it
            }
        }
    }

    /// <summary>
    /// Lets go of the lease if it is still <paramref name="leaseId"/>'s, and gives the actor the wake it was asked for
    /// meanwhile (a wake seen while the account was held only sets <see cref="AccountRecord.WakeRequested"/>).
    /// </summary>
    internal async Task ReleaseAsync(string tenantId, string accountId, string leaseId)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var row = await accounts.GetAsync(tenantId, accountId, CancellationToken.None);
            if (row is null || row.LeaseId != leaseId)
            {
                return;
            }

            var wake = row.WakeRequested;
            (row.LeaseId, row.LeaseUntil, row.WakeRequested) = (null, null, false);
            if (await accounts.TryReplaceAsync(row, CancellationToken.None))
            {
                if (wake)
                {
                    await service.WakeAsync(tenantId, accountId, CancellationToken.None);
                }

                return;
            }
        }
    }
}
