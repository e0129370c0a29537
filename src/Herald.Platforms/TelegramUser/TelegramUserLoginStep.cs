namespace Herald.Platforms.TelegramUser;

/// <summary>Where a login stands.</summary>
public enum TelegramUserLoginState
{
    /// <summary>Telegram sent a code: submit it.</summary>
    WaitCode,

    /// <summary>The account has two-step verification: submit its password.</summary>
    WaitPassword,

    /// <summary>Logged in: the session is stored and the account can act.</summary>
    Ready,

    /// <summary>The login cannot go on (unknown phone, no login in progress…): see the error.</summary>
    Failed,
}

/// <summary>A login's state after a step, and TDLib's refusal of the last input (a wrong code…), if any.</summary>
/// <param name="State">What TDLib waits for now.</param>
/// <param name="Error">A reason code (<c>phone_code_invalid</c>, <c>password_hash_invalid</c>…), or null.</param>
public sealed record TelegramUserLoginStep(TelegramUserLoginState State, string? Error = null);
