using Herald.Engine.Accounts;
using Herald.Host.Accounts;
using Herald.Host.Validation;

namespace Herald.Host.WhatsApp;

/// <summary>The body of <c>POST /api/accounts/whatsapp-numbers</c>: a business number of the WhatsApp Cloud API.</summary>
public sealed class RegisterWhatsAppNumberRequest : IValidatableRequest
{
    /// <summary>The number's phone-number id (digits, from the WhatsApp Manager or the Graph API).</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>A (system-user) access token with <c>whatsapp_business_messaging</c>. Kept in the secret store only.</summary>
    public required string AccessToken { get; init; }

    /// <summary>An operator's label.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The account's limits (R16): <c>messagingTier</c> is the tier Meta granted the number (250, 1000, 2000, 10000,
    /// 100000 unique recipients per 24 h; default 250); the others may only be stricter than the configured ones (R35).
    /// </summary>
    public LimitSettings? Limits { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank("phoneNumberId", PhoneNumberId);
        if (PhoneNumberId is { Length: > 0 } id && (id.Length > 30 || !id.All(char.IsAsciiDigit)))
        {
            errors.Add("phoneNumberId", "Must be the number's phone-number id: digits only, at most 30.");
        }

        errors.NotBlank("accessToken", AccessToken).MaxLength("accessToken", AccessToken, 1000);
        if (AccessToken is { Length: > 0 } token && token.Any(char.IsWhiteSpace))
        {
            errors.Add("accessToken", "An access token has no spaces.");
        }

        AccountNames.Validate(errors, Name);
    }
}
