namespace Herald.Engine;

/// <summary>Settings of the durable engine, bound from <c>Herald:Engine</c>.</summary>
public sealed class EngineOptions
{
    /// <summary>Prefix of every table and queue name, so several deployments can share an account. Default <c>herald</c>.</summary>
    public string NamePrefix { get; set; } = "herald";

    /// <summary>
    /// How long a tick holds its account's lease without renewing it; the tick renews it half of this after it was
    /// taken or last renewed while it works, and stops starting actions when it cannot. An account whose worker died is taken over once this ran out. Default 15 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a received tick message stays invisible while it is worked on: half of it before it would show, it is
    /// extended to <see cref="LeaseDuration"/> (a dead worker's account is not taken over before its lease ran out
    /// anyway), so a dead worker's message is visible again after at most that. Default 10 seconds.
    /// </summary>
    public TimeSpan MessageVisibility { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A target still claimed this long after its last write, with no account left to recover it, is resolved by
    /// campaign completion (pending again, or unknown when it may have been sent). Default 6 minutes.
    /// </summary>
    public TimeSpan OrphanAfter { get; set; } = TimeSpan.FromMinutes(6);

    /// <summary>
    /// How long one bot batch may go on sending, however slowly the platform answers, before the rest of its claim goes
    /// back to pending. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxBotSendWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message received more often than this is parked in the poison queue. Default 5 (as Azure Functions).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Ticks one worker works on at once; ticks mostly wait (storage, platform, pacing), so this is high. Default 64.</summary>
    public int WorkerConcurrency { get; set; } = 64;

    /// <summary>Longest pause between two polls of an empty queue. Default 1 second.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often each worker sweeps for overdue accounts and scheduled campaigns. Default 15 seconds.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>An account whose next tick is this late is re-armed by the sweeper. Default 30 seconds.</summary>
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon an account with running campaigns but nothing to claim looks again. Default 20 seconds.</summary>
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Longest wait inside one tick between two steps of one recipient (user accounts). Default 20 seconds.</summary>
    public TimeSpan MaxInTickWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most targets one campaign's pending set is split into (partitions). Default 64.</summary>
    public int MaxShards { get; set; } = 64;

    /// <summary>Targets per shard the engine aims for when it sizes a campaign. Default 1,000.</summary>
    public int TargetsPerShard { get; set; } = 1000;

    /// <summary>
    /// Most targets a bot claims at once (a transaction holds at most 100). It claims what its per-second budget allows
    /// over the seconds its tick may go on (<see cref="MaxBotTickDuration"/>). Default 100.
    /// </summary>
    public int MaxBotBatch { get; set; } = 100;

    /// <summary>
    /// How long one tick of a bot may go on claiming and sending batch after batch while it has work due.
    /// Statistics are written when a tick ends. Default 5 seconds.
    /// </summary>
    public TimeSpan MaxBotTickDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether a bot at full speed claims its next batch while the current one is sent (<c>ClaimPipelining</c>). Off by
    /// default: on Azurite, whose one process serves every request in turn, the early claim's query delayed the sends
    /// it overlapped more than it saved (measured under load); on Azure Storage it takes the claim out of the gap
    /// between two batches. Default false.
    /// </summary>
    public bool PipelineClaims { get; set; }

    /// <summary>
    /// How long a bot at full speed goes on from tick to tick in one handler (each tick's end and the next one's start
    /// one write of its row) before its next tick goes through the queue again, handing its worker slot back.
    /// Default 60 seconds.
    /// </summary>
    public TimeSpan MaxBotTickChain { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most attempts for a target after transient failures before it fails. Default 5.</summary>
    public int MaxTransientAttempts { get; set; } = 5;

    /// <summary>First back-off after a transient failure; doubles per attempt. Default 5 seconds.</summary>
    public TimeSpan TransientBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queue delays are chained in hops of at most this (the queue allows 7 days). Default 3 days, as the Durable Task Framework.</summary>
    public TimeSpan MaxTimerHop { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// How long an invite campaign's admin-rights check waits for accounts whose lease another holder has (their actor is
    /// in a tick): it checks them once the lease is free, and an account still held after this is not excluded (its
    /// actions decide, as after a failed check). Default 30 seconds.
    /// </summary>
    public TimeSpan RightsCheckLeaseWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Validates the settings; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (LeaseDuration <= MessageVisibility)
        {
            yield return "LeaseDuration must be longer than MessageVisibility.";
        }

        if (LeaseDuration < TimeSpan.FromSeconds(3))
        {
            yield return "LeaseDuration must be at least 3 seconds (it is renewed half-way through).";
        }

        if (MaxBotSendWindow <= TimeSpan.Zero)
        {
            yield return "MaxBotSendWindow must be positive.";
        }

        if (MaxDequeueCount < 1)
        {
            yield return "MaxDequeueCount must be at least 1.";
        }

        if (WorkerConcurrency is < 1 or > 256)
        {
            yield return "WorkerConcurrency must be between 1 and 256.";
        }

        if (MaxShards is < 1 or > 999)
        {
            yield return "MaxShards must be between 1 and 999.";
        }

        if (MaxBotBatch is < 1 or > 100)
        {
            yield return "MaxBotBatch must be between 1 and 100.";
        }

        if (MaxBotTickDuration < TimeSpan.Zero)
        {
            yield return "MaxBotTickDuration must not be negative.";
        }

        if (MaxBotTickChain < TimeSpan.Zero)
        {
            yield return "MaxBotTickChain must not be negative.";
        }

        if (RightsCheckLeaseWait < TimeSpan.Zero || RightsCheckLeaseWait > TimeSpan.FromMinutes(5))
        {
            yield return "RightsCheckLeaseWait must be within [0, 5 minutes].";
        }

        if (MaxTimerHop <= TimeSpan.Zero || MaxTimerHop > TimeSpan.FromDays(7))
        {
            yield return "MaxTimerHop must be within (0, 7 days].";
        }

        if (string.IsNullOrWhiteSpace(NamePrefix) || !NamePrefix.All(char.IsAsciiLetterLower) || NamePrefix.Length > 20)
        {
            yield return "NamePrefix must be 1-20 lower-case ASCII letters.";
        }
    }
}
