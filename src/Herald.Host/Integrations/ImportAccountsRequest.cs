using Herald.Host.Validation;

namespace Herald.Host.Integrations;

/// <summary>The body of <c>POST /api/accounts/import</c>: which of the tenant's accounts to take over from integration-service.</summary>
public sealed class ImportAccountsRequest : IValidatableRequest
{
    /// <summary>The platform asked of integration-service (default <c>telegram</c>, the only one imported so far).</summary>
    public string Platform { get; init; } = "telegram";

    /// <summary>Start new accounts on the warm-up ramp (R22). Default true, as for user accounts registered by hand.</summary>
    public bool WarmUp { get; init; } = true;

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.Equals(Platform, "telegram", StringComparison.Ordinal))
        {
            errors.Add("platform", "Only telegram accounts are imported from integration-service so far.");
        }
    }
}

/// <summary>What an import took over: new accounts, ones imported before, and what was left out and why.</summary>
/// <param name="Imported">Accounts registered now.</param>
/// <param name="Existing">Accounts imported before (unchanged).</param>
/// <param name="Skipped">Accounts left out, each with a reason code.</param>
public sealed record ImportAccountsResponse(IReadOnlyList<ImportedAccount> Imported, IReadOnlyList<ImportedAccount> Existing, IReadOnlyList<SkippedAccount> Skipped);

/// <summary>An account taken over from integration-service.</summary>
/// <param name="AccountId">Herald's id.</param>
/// <param name="ExternalId">integration-service's id.</param>
/// <param name="Name">Its label.</param>
public sealed record ImportedAccount(string AccountId, string ExternalId, string? Name);

/// <summary>
/// An account left out: <c>banned</c> (integration-service says so), <c>unsupported_type</c> (only Telegram user accounts
/// are imported), <c>no_credentials</c> (no usable secret reference), <c>secret_missing</c> (the reference names nothing),
/// <c>credentials_unusable</c> (the secret is not a TDLib account's credentials), <c>invalid</c> (a field Herald refuses:
/// <c>field</c> says which), <c>malformed</c> (no id).
/// </summary>
/// <param name="ExternalId">integration-service's id, when it gave one.</param>
/// <param name="Reason">The reason code.</param>
/// <param name="Field">For <c>invalid</c>: the field at fault.</param>
public sealed record SkippedAccount(string? ExternalId, string Reason, string? Field = null);
