namespace Herald.Host.WhatsApp;

/// <summary>The replies that mean "stop messaging me" (R34): the whole reply, trimmed, in any case.</summary>
internal static class OptOutKeywords
{
    /// <summary>The suppression reason of a recipient who replied with one of them.</summary>
    public const string Reason = "opted_out";

    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "stop", "unsubscribe", "стоп", "отписаться", "стоп!", "stop!",
    };

    /// <summary>True when <paramref name="text"/> asks to stop.</summary>
    public static bool IsOptOut(string? text) => text is not null && Keywords.Contains(text.Trim().TrimEnd('.'));
}
