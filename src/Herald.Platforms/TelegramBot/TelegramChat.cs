namespace Herald.Platforms.TelegramBot;

/// <summary>A Bot API <c>Chat</c>, as far as Herald reads it.</summary>
/// <param name="Id">The chat id.</param>
/// <param name="Type"><c>private</c>, <c>group</c>, <c>supergroup</c> or <c>channel</c>.</param>
/// <param name="Title">The title of a group or channel.</param>
/// <param name="Username">The public username, without <c>@</c>.</param>
public sealed record TelegramChat(long Id, string Type, string? Title = null, string? Username = null);
