using Herald.Core.Domain;

namespace Herald.Platforms.Abstractions;

/// <summary>
/// Single messages (send, edit, delete one message, R14) of a platform whose accounts take them. The engine calls it
/// from the account actor's transactional lane, under the account's lease, so the account's own pacing covers them as
/// it covers broadcasts. Implementations never throw for expected platform answers.
/// </summary>
public interface ISingleMessagePlatform
{
    /// <summary>The platform served.</summary>
    PlatformKind Platform { get; }

    /// <summary>Whether accounts of <paramref name="kind"/> take single messages.</summary>
    bool Handles(AccountKind kind);

    /// <summary>Performs one operation through one account.</summary>
    Task<SingleMessageResult> ExecuteAsync(PlatformAccount account, SingleMessageCommand command, CancellationToken cancellationToken = default);
}
