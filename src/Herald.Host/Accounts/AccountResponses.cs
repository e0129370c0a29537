using Herald.Engine.Accounts;

namespace Herald.Host.Accounts;

/// <summary>The tenant's accounts with their live status and cooldowns (R22).</summary>
public sealed record AccountList(IReadOnlyList<AccountView> Items);

/// <summary>A newly registered account.</summary>
/// <param name="Account">The account as listed.</param>
/// <param name="BotId">For a bot: its Telegram user id (public).</param>
/// <param name="BotUsername">For a bot: its <c>@username</c>, without the <c>@</c>.</param>
/// <param name="Credential">The credential, masked (a bot token shows its bot id and two characters).</param>
/// <param name="Login">For a user account logging in: what TDLib waits for next; null otherwise.</param>
public sealed record RegisteredAccount(AccountView Account, long? BotId, string? BotUsername, string Credential, TelegramUserLoginView? Login = null);

/// <summary>Where a user account's login stands.</summary>
/// <param name="State"><c>waitCode</c>, <c>waitPassword</c> or <c>ready</c> (the account is enabled and can act).</param>
/// <param name="Error">TDLib's refusal of the last input (<c>phone_code_invalid</c>…), or null.</param>
public sealed record TelegramUserLoginView(string State, string? Error = null);

/// <summary>The answer to a login step.</summary>
/// <param name="Account">The account as listed.</param>
/// <param name="Login">Where its login stands.</param>
public sealed record TelegramUserLoginResponse(AccountView Account, TelegramUserLoginView Login);

/// <summary>Whether an account may invite into a chat (R12).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Chat">The chat asked about.</param>
/// <param name="IsAdmin">It is an administrator (or the creator).</param>
/// <param name="CanInviteUsers">It holds the invite right.</param>
/// <param name="Problem">Why the check could not run (chat not found, bad token…), or null.</param>
public sealed record AdminCheckResponse(string AccountId, string Chat, bool IsAdmin, bool CanInviteUsers, string? Problem);
