using Herald.Engine.Model;
using Herald.Engine.Workers;

namespace Herald.Engine.Actors;

public sealed partial class AccountActor
{
    /// <summary>
    /// Ends this attempt and starts the next one in one conditional write of the row (<see cref="TickChaining"/>): the
    /// counters of what this attempt did and a new attempt's lease, so what this attempt finished is counted once
    /// and never recovered. The tick message stays the same (its id is still the row's). Null when the row changed
    /// meanwhile (a control field, a takeover): the tick then ends as usual, which re-reads it.
    /// </summary>
    private async Task<string?> ChainAsync(AccountRecord row, string attempt, WorkPlan plan, HashSet<string> touched, CancellationToken cancellationToken)
    {
        var (leaseUntil, unrecovered, wake) = (row.LeaseUntil, row.Unrecovered, row.WakeRequested);
        var next = EngineKeys.NewId();
        row.LeaseId = next;
        row.LeaseUntil = time.GetUtcNow() + options.LeaseDuration;
        row.Unrecovered = [];
        row.WakeRequested = false;
        if (!await accounts.TryCommitAsync(row, touched, cancellationToken))
        {
            (row.LeaseId, row.LeaseUntil, row.Unrecovered, row.WakeRequested) = (attempt, leaseUntil, unrecovered, wake);
            return null;
        }

        Log.LeaseReleased(logger, WorkerIdentity.Name, row.TenantId, row.AccountId, attempt, time.GetUtcNow());
        Log.LeaseTaken(logger, WorkerIdentity.Name, row.TenantId, row.AccountId, next, row.LeaseUntil.Value);
        await PublishAsync(plan, cancellationToken);
        touched.Clear();
        return next;
    }
}
