namespace Herald.Platforms.TelegramUser.Td;

/// <summary>libtdjson could not be found or loaded; the message says which setting to set.</summary>
public sealed class TdJsonNotFoundException(string message) : Exception(message);
