namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>User</c> (what <c>getMe</c> answers for the bot itself).</summary>
/// <param name="Id">The user id.</param>
/// <param name="IsBot">True for bots.</param>
/// <param name="FirstName">The first name.</param>
/// <param name="Username">The username, without <c>@</c>.</param>
public sealed record TelegramUser(long Id, bool IsBot, string FirstName, string? Username = null);
