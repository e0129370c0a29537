using Herald.Core.Domain;
using Herald.Core.Outcomes;

namespace Herald.Platforms.Abstractions;

/// <summary>
/// One messenger platform behind one interface (Strategy, R32). Adding a platform means adding an
/// implementation in its own folder and registering it; the engine does not change.
/// Implementations never throw for expected platform answers: they return an <see cref="ActionOutcome"/>.
/// </summary>
public interface IPlatformAdapter
{
    /// <summary>The platform this adapter serves.</summary>
    PlatformKind Platform { get; }

    /// <summary>
    /// Whether this adapter serves accounts of <paramref name="kind"/>: one platform may have one
    /// adapter per kind (Telegram: Bot API for bots, TDLib for user accounts). Default: every kind.
    /// </summary>
    bool Handles(AccountKind kind) => true;

    /// <summary>Performs one action for one recipient through one account.</summary>
    Task<ActionOutcome> ExecuteAsync(PlatformAccount account, PlatformAction action, CancellationToken cancellationToken = default);

    /// <summary>Checks that the account may invite into <paramref name="chat"/> (admin with invite rights, R12).</summary>
    Task<AdminRightsCheck> CheckAdminRightsAsync(PlatformAccount account, string chat, CancellationToken cancellationToken = default);

    /// <summary>
    /// The engine is about to give up the account's lease: its next tick may run in another process. Let go of what
    /// must never be used from two processes at once (a TDLib session: two clients on one session log the user out).
    /// Called before the lease is released, and after a tick that lost it. Default: nothing to let go of.
    /// </summary>
    Task ReleaseAsync(PlatformAccount account, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
