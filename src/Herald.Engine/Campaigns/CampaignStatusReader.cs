using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;
using Herald.Core.Planning;
using Herald.Core.Work;
using Herald.Engine.Model;
using Herald.Engine.Persistence;

namespace Herald.Engine.Campaigns;

/// <summary>Builds the status read model and the report of a campaign from its rows.</summary>
public sealed class CampaignStatusReader(
    CampaignStore campaigns,
    CounterStore counters,
    StatsStore legacyStats,
    AccountStore accounts,
    TargetStore targets,
    PlatformLimits limits,
    PacingPolicy pacing,
    CampaignView view,
    StartPlanner planner,
    TimeProvider time)
{
    /// <summary>The waiting reason of a running campaign whose only accounts that could work wait for their login.</summary>
    public const string AccountsNeedLogin = "accounts_need_login";

    /// <summary>The campaign's live status, or null when the tenant has none with that id.</summary>
    public async Task<CampaignStatusView?> GetAsync(string tenantId, string campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.GetAsync(tenantId, campaignId, cancellationToken);
        return campaign is null ? null : await BuildAsync(campaign, cancellationToken);
    }

    /// <summary>How many of the campaign's messages went as paid broadcasts: the sum of its counter rows' paid counts.</summary>
    public async Task<long> PaidAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var rows = await counters.ReadCampaignAsync(campaign.TenantId, campaign.Id, cancellationToken);
        return rows.Sum(r => r.Value.Paid);
    }

    /// <summary>The status of a campaign already read.</summary>
    public async Task<CampaignStatusView> BuildAsync(CampaignRecord campaign, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var rows = (await accounts.ListAsync(campaign.TenantId, cancellationToken)).ToList();

        // The campaign's counter rows (one per account, accounts removed since included) hold the true counts, written
        // with the account rows. Campaigns counted before those rows existed: the account row's old property, then the
        // old stats projection (rows of accounts removed before), until an account counts for the campaign again.
        var perAccount = await legacyStats.ReadAsync(campaign.TenantId, campaign.Id, cancellationToken);
        foreach (var row in rows)
        {
            if (row.LegacyCounters.TryGetValue(campaign.Id, out var legacy))
            {
                perAccount[row.AccountId] = legacy;
            }
        }

        foreach (var (accountId, counted) in await counters.ReadCampaignAsync(campaign.TenantId, campaign.Id, cancellationToken))
        {
            perAccount[accountId] = counted;
        }

        var total = new CampaignCounters();
        foreach (var c in perAccount.Values)
        {
            total.Add(c);
        }

        total.Skipped += campaign.SkippedAtCreation;
        total.Unknown += campaign.OrphansUnknown;
        if (campaign.SkippedAtCreation > 0)
        {
            total.Reasons[Actors.AccountActor.SuppressedReason] = total.Reasons.GetValueOrDefault(Actors.AccountActor.SuppressedReason) + campaign.SkippedAtCreation;
        }

        var processed = Math.Min(total.Processed, campaign.Total);
        var ended = campaign.Status.IsTerminal();
        var cancelled = campaign.Status == CampaignStatus.Cancelled ? campaign.Total - processed : 0;
        var remaining = ended ? 0 : campaign.Total - processed;
        var runningSince = campaign.RunnableSince ?? campaign.CreatedAt;
        var speed = total.SpeedPerMinute(now, runningSince);
        rows = rows.Where(campaign.Uses).ToList();
        var eta = campaign.Status == CampaignStatus.Running ? CampaignEta.Estimate(remaining, speed, now - runningSince, PlannedFinish(campaign, rows, remaining, now), now) : null;

        var accountStatuses = rows.Select(r =>
        {
            var s = pacing.GetStatus(r.State, limits.For(r.Platform, r.Kind, r.Overrides), now);
            var c = perAccount.GetValueOrDefault(r.AccountId) ?? new CampaignCounters();
            return new CampaignAccountStatus(r.AccountId, r.Name, Accounts.AccountService.StatusOf(r, s.Status), s.Until, c.Done, c.Failed, c.FloodWaits, c.Paid);
        }).ToList();

        var status = campaign.WireStatus;
        string? waitingReason = null;
        DateTimeOffset? resumeAt = null;
        if (campaign.Status == CampaignStatus.Running && !campaign.Preparing)
        {
            var usable = rows.Where(r => !r.Disabled).Select(r => new CampaignAccount(r.State, limits.For(r.Platform, r.Kind, r.Overrides)));
            var readiness = view.Evaluate(usable, campaign.Campaign.Schedule, campaign.Campaign.Actions.ToList(), now, campaign.MayContainLinks);
            (status, waitingReason, resumeAt) = readiness.State switch
            {
                _ when campaign.RightsPending => ("waiting", "checking_admin_rights", (DateTimeOffset?)null),
                CampaignRunState.Waiting when readiness.ResumeAt is null && rows.Count == 0 && campaign.Excluded.Count > 0 => ("waiting", "all_accounts_excluded", null),
                // Accounts that could work once logged in (imported without a session): say so, not just "none usable".
                CampaignRunState.Waiting when readiness.ResumeAt is null && rows.Any(r => r.LoginRequired) => ("waiting", AccountsNeedLogin, null),
                CampaignRunState.Waiting when readiness.ResumeAt is null => ("waiting", "no_usable_accounts", null),
                CampaignRunState.Waiting => ("waiting", "all_accounts_resting", readiness.ResumeAt),
                CampaignRunState.OutsideWindow => ("waiting", "outside_window", readiness.ResumeAt),
                _ => (status, null, null),
            };
        }

        return new CampaignStatusView
        {
            Id = campaign.Id,
            Name = campaign.Name,
            Status = status,
            WaitingReason = waitingReason,
            PausedReason = campaign.Status == CampaignStatus.Paused ? campaign.PausedReason : null,
            ResumeAt = resumeAt,
            Platform = campaign.Campaign.Platform,
            Actions = campaign.Campaign.Actions,
            Priority = campaign.Campaign.Priority,
            DryRun = campaign.Campaign.DryRun,
            Delivery = campaign.Campaign.Delivery,
            Total = campaign.Total,
            Prepared = campaign.Preparing ? campaign.Prepared : null,
            Processed = processed,
            Remaining = remaining,
            Counts = new CampaignCounts(total.Done, total.Invited, total.ContactsAdded, total.Messaged, total.MessagedInsteadOfInvited,
                total.Failed, total.Unknown, total.Skipped, cancelled, total.FloodWaits, total.Paid),
            Reasons = total.Reasons,
            SpeedPerMinute = Math.Round(speed, 2),
            Eta = eta,
            CreatedAt = campaign.CreatedAt,
            StartAt = campaign.Campaign.Schedule.StartAt,
            EndedAt = campaign.EndedAt,
            Source = campaign.Source,
            Error = campaign.Error,
            Accounts = accountStatuses,
            ExcludedAccounts = [.. campaign.Excluded.OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => new CampaignExcludedAccount(x.Key, x.Value))],
        };
    }

    /// <summary>
    /// The report's rows (R25): every recipient that failed, is unknown or was skipped, with the
    /// reason; for a cancelled campaign also those never reached (status <c>cancelled</c>).
    /// </summary>
    public async IAsyncEnumerable<ReportRow> ReportAsync(
        CampaignRecord campaign,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var wanted = new List<TargetStatus> { TargetStatus.Failed, TargetStatus.Unknown, TargetStatus.Skipped };
        if (campaign.Status == CampaignStatus.Cancelled)
        {
            wanted.AddRange([TargetStatus.Pending, TargetStatus.Sending]);
        }

        var filter = string.Join(" or ", wanted.Select(s => Azure.Data.Tables.TableClient.CreateQueryFilter($"Status eq {s.ToString()}")));
        await foreach (var t in targets.QueryAsync(campaign.TenantId, campaign.Id, filter, cancellationToken: cancellationToken))
        {
            var status = t.Status is TargetStatus.Pending or TargetStatus.Sending ? "cancelled" : t.Status.ToString().ToLowerInvariant();
            yield return new ReportRow(int.Parse(t.RowKey, System.Globalization.CultureInfo.InvariantCulture), t.Recipient, status, t.Reason, t.AccountId, t.UpdatedAt);
        }
    }

    /// <summary>When the plan says the remaining recipients are done, with the accounts as they are now.</summary>
    private DateTimeOffset? PlannedFinish(CampaignRecord campaign, List<AccountRecord> rows, long remaining, DateTimeOffset now)
    {
        var usable = rows.Where(r => !r.Disabled).Select(r => new PlanAccount(r.AccountId, r.State, limits.For(r.Platform, r.Kind, r.Overrides))).ToList();
        if (usable.Count == 0 || remaining > int.MaxValue)
        {
            return null;
        }

        var request = new StartPlanRequest((int)remaining, campaign.Campaign.Actions, campaign.Campaign.Schedule, usable, MessageHasLinks: campaign.MayContainLinks);
        return planner.Plan(request, now).EstimatedFinish;
    }
}
