using Herald.Host.Validation;

namespace Herald.Host.Accounts;

/// <summary>The body of <c>POST /api/accounts/{id}/login/code</c>: the code Telegram sent to the account.</summary>
public sealed class TelegramUserCodeRequest : IValidatableRequest
{
    /// <summary>The login code (digits).</summary>
    public required string Code { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank("code", Code).MaxLength("code", Code, 16);
    }
}

/// <summary>The body of <c>POST /api/accounts/{id}/login/password</c>: the account's two-step verification password.</summary>
public sealed class TelegramUserPasswordRequest : IValidatableRequest
{
    /// <summary>The password; passed to TDLib only, never stored or logged.</summary>
    public required string Password { get; init; }

    /// <inheritdoc />
    public void Validate(ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.NotBlank("password", Password).MaxLength("password", Password, 256);
    }
}
