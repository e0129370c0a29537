using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Engine.Model;
using Herald.Engine.Persistence;
using Herald.Engine.Ticks;

namespace Herald.Engine.Accounts;

/// <summary>Registers, lists, disables, removes and wakes account actors.</summary>
public sealed class AccountService(
    AccountStore accounts,
    TickScheduler scheduler,
    PlatformLimits limits,
    PacingPolicy pacing,
    TimeProvider time)
{
    /// <summary>Registers an account and wakes it (an account added mid-run joins its campaigns at once). Null when the id is taken.</summary>
    public async Task<AccountRecord?> RegisterAsync(NewAccount account, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var id = account.AccountId ?? EngineKeys.NewId();
        var row = new AccountRecord
        {
            TenantId = account.TenantId,
            AccountId = id,
            Platform = account.Platform,
            Kind = account.Kind,
            Name = account.Name,
            SecretReference = account.SecretReference,
            Overrides = account.Overrides,
            Proxy = account.Proxy,
            State = AccountState.ForAccount(id, account.WarmUp ? now : null),
            CreatedAt = now,
            Disabled = account.LoginRequired,
            LoginRequired = account.LoginRequired,
        };
        if (!await accounts.TryAddAsync(row, cancellationToken))
        {
            return null;
        }

        if (!row.LoginRequired)
        {
            await WakeAsync(row.TenantId, row.AccountId, cancellationToken);
        }

        return row;
    }

    /// <summary>
    /// The account's login completed: it is no longer <see cref="AccountRecord.LoginRequired"/> nor disabled, and looks for
    /// work at once. Null when there is no such account.
    /// </summary>
    public async Task<AccountView?> CompleteLoginAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var (row, changed) = await UpdateAsync(tenantId, accountId, r =>
        {
            if (!r.Disabled && !r.LoginRequired)
            {
                return false;
            }

            (r.Disabled, r.LoginRequired) = (false, false);
            return true;
        }, cancellationToken);
        if (changed)
        {
            await WakeAsync(tenantId, accountId, cancellationToken);
        }

        return row is null ? null : ToView(row);
    }

    /// <summary>The tenant's accounts with their live status.</summary>
    public async Task<IReadOnlyList<AccountView>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var rows = await accounts.ListAsync(tenantId, cancellationToken);
        return [.. rows.Select(ToView)];
    }

    /// <summary>One account with its live status, or null.</summary>
    public async Task<AccountView?> GetAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        var row = await accounts.GetAsync(tenantId, accountId, cancellationToken);
        return row is null ? null : ToView(row);
    }

    /// <summary>The account row (for the engine's own use), or null.</summary>
    public Task<AccountRecord?> GetRecordAsync(string tenantId, string accountId, CancellationToken cancellationToken = default) =>
        accounts.GetAsync(tenantId, accountId, cancellationToken);

    /// <summary>Disables or enables an account; enabling wakes it. Null when there is no such account.</summary>
    public async Task<AccountView?> SetDisabledAsync(string tenantId, string accountId, bool disabled, CancellationToken cancellationToken = default)
    {
        var (row, changed) = await UpdateAsync(tenantId, accountId, r =>
        {
            if (r.Disabled == disabled)
            {
                return false;
            }

            r.Disabled = disabled;
            return true;
        }, cancellationToken);
        if (changed && !disabled)
        {
            await WakeAsync(tenantId, accountId, cancellationToken);
        }

        return row is null ? null : ToView(row);
    }

    /// <summary>
    /// Replaces an account's own limits (R16; null clears them) and wakes it, so looser limits take effect at once.
    /// Values that would loosen a configured limit are clamped by <see cref="PlatformLimits.For"/>: check them first with
    /// <see cref="PlatformLimits.ValidateOverrides"/>. A tick that writes its row meanwhile keeps them (it re-reads the
    /// row on a conflict and carries over only its state and counters). Null when there is no such account.
    /// </summary>
    public async Task<AccountView?> SetOverridesAsync(string tenantId, string accountId, LimitOverrides? overrides, CancellationToken cancellationToken = default)
    {
        var (row, changed) = await UpdateAsync(tenantId, accountId, r =>
        {
            if (r.Overrides == overrides)
            {
                return false;
            }

            r.Overrides = overrides;
            return true;
        }, cancellationToken);
        if (changed)
        {
            await WakeAsync(tenantId, accountId, cancellationToken);
        }

        return row is null ? null : ToView(row);
    }

    /// <summary>Removes an account; its live tick becomes stale. False when there was none.</summary>
    public Task<bool> RemoveAsync(string tenantId, string accountId, CancellationToken cancellationToken = default) =>
        accounts.DeleteAsync(tenantId, accountId, cancellationToken);

    /// <summary>
    /// Makes the actor look for work now: a parked (or idle-polling) actor gets a new tick at once; a
    /// tick in progress is told not to park.
    /// </summary>
    public async Task WakeAsync(string tenantId, string accountId, CancellationToken cancellationToken = default)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            var row = await accounts.GetAsync(tenantId, accountId, cancellationToken);
            if (row is null || row.Disabled || row.State.IsBlocked)
            {
                return;
            }

            var now = time.GetUtcNow();
            var held = row.LeaseId is not null && row.LeaseUntil > now;
            if (held)
            {
                if (row.WakeRequested)
                {
                    return;
                }

                row.WakeRequested = true;
                if (await accounts.TryReplaceAsync(row, cancellationToken))
                {
                    return;
                }

                continue;
            }

            if (row.TickId is not null && row.NextTickAt is { } due && due <= now)
            {
                return; // a tick is due already
            }

            if (row.TickId is not null && row.NextTickAt is { } next
                && pacing.GetStatus(row.State, limits.For(row.Platform, row.Kind, row.Overrides), now).Until is { } restsUntil
                && restsUntil >= next)
            {
                return; // it rests, and its tick comes when the rest ends: waking it would only re-decide
            }

            row.TickId = EngineKeys.NewId();
            row.NextTickAt = now;
            if (await accounts.TryReplaceAsync(row, cancellationToken))
            {
                await scheduler.ScheduleAsync(row.TenantId, row.AccountId, row.TickId, now, cancellationToken);
                return;
            }
        }
    }

    /// <summary>Wakes every account a campaign may use.</summary>
    public async Task WakeForAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        var rows = await accounts.ListAsync(campaign.TenantId, cancellationToken);
        await Parallel.ForEachAsync(rows.Where(campaign.Uses), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (row, ct) => await WakeAsync(row.TenantId, row.AccountId, ct));
    }

    /// <summary>The status of an account that has no logged-in session yet (<see cref="AccountRecord.LoginRequired"/>).</summary>
    public const string LoginRequiredStatus = "login_required";

    /// <summary>The status an account is shown with: <c>login_required</c>, <c>disabled</c>, or its pacing status.</summary>
    public static string StatusOf(AccountRecord row, AccountStatus pacingStatus)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.LoginRequired ? LoginRequiredStatus : row.Disabled ? "disabled" : pacingStatus.ToString().ToLowerInvariant();
    }

    // Applies an operator's change to the row, re-reading and re-applying it when the row changed meanwhile (412).
    // change returns false when the row holds the wanted value already; then nothing is written.
    private async Task<(AccountRecord? Row, bool Changed)> UpdateAsync(
        string tenantId, string accountId, Func<AccountRecord, bool> change, CancellationToken cancellationToken)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            var row = await accounts.GetAsync(tenantId, accountId, cancellationToken);
            if (row is null || !change(row))
            {
                return (row, false);
            }

            if (await accounts.TryReplaceAsync(row, cancellationToken))
            {
                return (row, true);
            }
        }

        throw new InvalidOperationException($"Account {accountId} kept changing under 50 attempts to update it.");
    }

    private AccountView ToView(AccountRecord row)
    {
        var now = time.GetUtcNow();
        var accountLimits = limits.For(row.Platform, row.Kind, row.Overrides);
        var status = pacing.GetStatus(row.State, accountLimits, now);
        var since = (now - TimeSpan.FromMinutes(CampaignCounters.MinuteBuckets)).ToUnixTimeSeconds() / 60;
        var recent = row.RecentActions.Where(m => m.Key >= since).Sum(m => m.Value)
            + row.LegacyCounters.Values.Sum(c => c.Minutes.Where(m => m.Key >= since).Sum(m => m.Value));
        return new AccountView(
            row.AccountId,
            row.Platform,
            row.Kind,
            row.Name,
            StatusOf(row, status.Status),
            status.Until,
            row.LoginRequired ? LoginRequiredStatus : status.Reason,
            row.Disabled,
            row.CreatedAt,
            recent,
            DailyUsage.From(row.State.Counters, now),
            LimitSettings.From(row.Overrides),
            EffectiveLimits.From(accountLimits, row.State.AgeAt(now)));
    }
}
