using Herald.Core.Domain;

namespace Herald.Testing.Simulation;

/// <summary>The kind of outcome of one simulated action.</summary>
public enum SimOutcome
{
    /// <summary>Done.</summary>
    Done,

    /// <summary>FloodWait.</summary>
    RateLimited,

    /// <summary>Privacy refused.</summary>
    PrivacyRestricted,

    /// <summary>PEER_FLOOD.</summary>
    AccountBlocked,

    /// <summary>Deleted recipient.</summary>
    RecipientGone,

    /// <summary>Transient failure.</summary>
    Transient,
}

/// <summary>One action of a simulated run.</summary>
public readonly record struct SimAction(
    int Account,
    int Campaign,
    int Recipient,
    ActionKind Kind,
    bool Fallback,
    DateTimeOffset Start,
    DateTimeOffset End,
    SimOutcome Outcome);

/// <summary>A readiness probe of one campaign, for the action kinds it had work for at the time.</summary>
public readonly record struct SimProbe(int Campaign, DateTimeOffset At, IReadOnlyList<ActionKind> Kinds, Herald.Core.Work.CampaignReadiness Readiness);
