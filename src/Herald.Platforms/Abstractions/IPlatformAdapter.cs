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
}
