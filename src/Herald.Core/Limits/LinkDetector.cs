using System.Text.RegularExpressions;

namespace Herald.Core.Limits;

/// <summary>
/// Finds links in a message so the lower daily cap applies (R16): URLs with a scheme, <c>www.</c> addresses,
/// <c>t.me</c> / <c>telegram.me</c> links, bare domains with a common top-level domain, and <c>@mentions</c>
/// (a mention may name a channel, so every mention counts).
/// </summary>
public static partial class LinkDetector
{
    /// <summary>True when <paramref name="text"/> holds at least one link or mention.</summary>
    public static bool ContainsLink(string? text) => !string.IsNullOrEmpty(text) && LinkPattern().IsMatch(text);

    [GeneratedRegex(
        @"(?:\b(?:https?|tg|ftp)://\S)" +
        @"|(?:\bwww\.[\p{L}\p{N}-]+\.)" +
        @"|(?:\b(?:t|telegram)\.(?:me|dog)/)" +
        @"|(?:\b[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|ru|su|io|me|info|biz|co|uk|de|xyz|app|dev|ly|gl|to|link|site|online|shop|store|tv|cc|ua|kz|by|us|eu|рф)(?![\p{L}\p{N}-]))" +
        @"|(?:(?<![\p{L}\p{N}_.@])@[A-Za-z][A-Za-z0-9_]{3,31}\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex LinkPattern();
}
