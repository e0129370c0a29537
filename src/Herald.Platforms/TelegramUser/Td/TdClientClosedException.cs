namespace Herald.Platforms.TelegramUser.Td;

/// <summary>The TDLib client closed (or its transport failed) before a request was answered.</summary>
public sealed class TdClientClosedException(string message, Exception? inner = null) : Exception(message, inner);
