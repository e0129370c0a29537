namespace Herald.Host.Secrets;

/// <summary>
/// Renders a secret for places that must mention one (an error, an admin view) without revealing it:
/// a bot token <c>123456:ABCdef…</c> becomes <c>123456:AB…(masked)</c>; other long values keep two characters;
/// short values keep none.
/// </summary>
public static class SecretMasker
{
    private const string Suffix = "…(masked)";
    private const int ShownCharacters = 2;
    private const int ShortestWithHint = 12;

    /// <summary>The masked form of <paramref name="secret"/>; null and empty stay recognisable as such.</summary>
    public static string Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return "(empty)";
        }

        // Telegram bot tokens are "<bot id>:<secret>": the bot id is public (it is the bot's user id).
        var colon = secret.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && !secret.AsSpan(0, colon).ContainsAnyExceptInRange('0', '9') && secret.Length - colon - 1 >= ShortestWithHint)
        {
            return string.Concat(secret.AsSpan(0, colon + 1 + ShownCharacters), Suffix);
        }

        return secret.Length >= ShortestWithHint ? string.Concat(secret.AsSpan(0, ShownCharacters), Suffix) : Suffix;
    }
}
