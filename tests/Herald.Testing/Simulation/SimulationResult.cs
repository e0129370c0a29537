using Herald.Core.Outcomes;

namespace Herald.Testing.Simulation;

/// <summary>What one campaign achieved in a simulated run.</summary>
public sealed class SimCampaignResult
{
    /// <summary>The campaign id.</summary>
    public required string Id { get; init; }

    /// <summary>Recipients in the list.</summary>
    public int Total { get; init; }

    /// <summary>Recipients done, by what was counted.</summary>
    public Dictionary<DoneKind, int> Done { get; } = [];

    /// <summary>Recipients failed for good.</summary>
    public int Failed { get; set; }

    /// <summary>Actions taken for it (every attempt).</summary>
    public long Actions { get; set; }

    /// <summary>When its last recipient became terminal; null while work remains.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Recipients not yet terminal at the end.</summary>
    public int Remaining => Total - Done.Values.Sum() - Failed;
}

/// <summary>What one account did in a simulated run.</summary>
public sealed class SimAccountResult
{
    /// <summary>The account id.</summary>
    public required string Id { get; init; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; set; }

    /// <summary>When it was blocked, if it was.</summary>
    public DateTimeOffset? BlockedAt { get; set; }

    /// <summary>When its last FloodWait cooldown ended, if it had one.</summary>
    public DateTimeOffset? LastCooldownUntil { get; set; }

    /// <summary>Attempts that started after its last cooldown ended (a rested account gets work back).</summary>
    public int AttemptsAfterCooldown { get; set; }
}

/// <summary>The result of <see cref="CampaignSimulation.Run"/>.</summary>
public sealed class SimulationResult
{
    /// <summary>Every attempt.</summary>
    public long Actions { get; set; }

    /// <summary>Attempts of each campaign's first action kind (what capacity is measured in).</summary>
    public long PrimaryActions { get; set; }

    /// <summary>
    /// The accounts' theoretical capacity for the campaigns' first action kinds: for each account, the daily cap in
    /// force (with its warm-up ramp) integrated over the time from joining until it was blocked or the run ended.
    /// </summary>
    public double Capacity { get; set; }

    /// <summary><see cref="PrimaryActions"/> / <see cref="Capacity"/>.</summary>
    public double CapacityShare => Capacity > 0 ? PrimaryActions / Capacity : 0;

    /// <summary>When the run ended: every campaign finished, or the duration ran out.</summary>
    public DateTimeOffset EndedAt { get; set; }

    /// <summary>Per-campaign results.</summary>
    public required IReadOnlyList<SimCampaignResult> Campaigns { get; init; }

    /// <summary>Per-account results.</summary>
    public required IReadOnlyList<SimAccountResult> Accounts { get; init; }

    /// <summary>Limit violations found by the independent checker (at most 100 kept).</summary>
    public required IReadOnlyList<string> Violations { get; init; }

    /// <summary>All violations found.</summary>
    public long ViolationCount { get; set; }

    /// <summary>Every action, when the scenario kept a log.</summary>
    public List<SimAction> Log { get; } = [];

    /// <summary>Readiness probes, when the scenario asked for them.</summary>
    public List<SimProbe> Probes { get; } = [];

    /// <summary>The most times in a row an account passed over a campaign it was allowed to work for.</summary>
    public int MaxPassOver { get; set; }

    /// <summary>Events processed (ticks, retries, probes).</summary>
    public long Events { get; set; }
}
