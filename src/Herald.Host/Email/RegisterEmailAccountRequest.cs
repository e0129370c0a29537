using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Validation;
using Herald.Platforms.Email;

namespace Herald.Host.Email;

/// <summary>The body of <c>POST /api/accounts/email</c>: an SMTP mailbox of a configured provider (R33).</summary>
public sealed class RegisterEmailAccountRequest : IValidatableRequest
{
    /// <summary>The provider, a key of <c>Herald:Platforms:Email:Providers</c> (its server, daily cap and warm-up ramp).</summary>
    public required string Provider { get; init; }

    /// <summary>The SMTP login.</summary>
    public required string Username { get; init; }

    /// <summary>The SMTP password (an app password). Kept in the secret store only; never shown again, never logged.</summary>
    public required string Password { get; init; }

    /// <summary>The sender address. Default: the login, when it is an address.</summary>
    public string? FromAddress { get; init; }

    /// <summary>The sender's display name.</summary>
    public string? FromName { get; init; }

    /// <summary>An operator's label.</summary>
    public string? Name { get; init; }

    /// <summary>Start the warm-up ramp (R22). Default true: a new mailbox starts slowly.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>The account's own limits (R16), each only stricter than the configured ones (R35).</summary>
    public LimitSettings? Limits { get; init; }

    /// <summary>The sender address to use.</summary>
    public string Sender => (FromAddress ?? Username).Trim();

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank("provider", Provider).MaxLength("provider", Provider, 100);
        errors.NotBlank("username", Username).MaxLength("username", Username, 254);
        errors.NotBlank("password", Password).MaxLength("password", Password, 1000);
        if (!string.IsNullOrWhiteSpace(Username) && !EmailRecipientValidator.IsValidSyntax(Sender))
        {
            errors.Add(FromAddress is null ? "username" : "fromAddress", "Must be the sender's e-mail address (give fromAddress when the login is not one).");
        }

        errors.MaxLength("fromName", FromName, 100).NoMarkup("fromName", FromName);
        AccountNames.Validate(errors, Name);
    }
}

/// <summary>The body of <c>POST /api/email/validate</c>: addresses to check before a campaign (R10).</summary>
public sealed class ValidateEmailAddressesRequest : IValidatableRequest
{
    /// <summary>The most addresses in one request.</summary>
    public const int MaxAddresses = 1000;

    /// <summary>The addresses.</summary>
    public required IReadOnlyList<string> Addresses { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (Addresses is null || Addresses.Count == 0)
        {
            errors.Add("addresses", "Give at least one address.");
        }
        else if (Addresses.Count > MaxAddresses)
        {
            errors.Add("addresses", $"At most {MaxAddresses} addresses per request.");
        }
    }
}

/// <summary>The answer of <c>POST /api/email/validate</c>: a verdict per address, in order.</summary>
public sealed record ValidateEmailAddressesResponse(IReadOnlyList<EmailValidationResult> Results);
