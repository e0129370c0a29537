using Herald.Core.Domain;

namespace Herald.Platforms.Abstractions;

/// <summary>
/// The account an action runs through. The secret itself (bot token, session) is not here: the
/// adapter resolves <see cref="SecretReference"/> through <see cref="ISecretStore"/> when it needs it.
/// </summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="AccountId">Herald's id of the account.</param>
/// <param name="Kind">Bot or user account.</param>
/// <param name="SecretReference">Where the credential lives in the secret store.</param>
/// <param name="Proxy">Optional network route for the account (R23); routing only, never disguise.</param>
public sealed record PlatformAccount(string TenantId, string AccountId, AccountKind Kind, string SecretReference, string? Proxy = null);
