namespace Herald.Platforms.WhatsAppCloud;

/// <summary>
/// A message text that sends an approved template instead of text: <c>template:{name}:{language}[:{field},{field}…]</c>,
/// e.g. <c>template:spring_promo:en_US:name,promo</c> (one body parameter per field, from each recipient).
/// </summary>
/// <param name="Name">The template's name.</param>
/// <param name="Language">Its language code (<c>en_US</c>, <c>de</c>).</param>
/// <param name="Fields">The recipient fields that fill its body parameters, in order.</param>
public sealed record WhatsAppTemplateDirective(string Name, string Language, IReadOnlyList<string> Fields)
{
    /// <summary>What such a text starts with.</summary>
    public const string Prefix = "template:";

    /// <summary>True when <paramref name="text"/> asks for a template (well formed or not).</summary>
    public static bool IsDirective(string? text) => text?.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The directive, or null when the text is not a well-formed one.</summary>
    public static WhatsAppTemplateDirective? Parse(string? text)
    {
        if (!IsDirective(text))
        {
            return null;
        }

        var parts = text!.Trim()[Prefix.Length..].Split(':', 3, StringSplitOptions.TrimEntries);
        if (parts.Length < 2 || !IsName(parts[0]) || !IsLanguage(parts[1]))
        {
            return null;
        }

        var fields = parts.Length == 3 ? parts[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
        return fields.All(f => f.Length <= 64) ? new WhatsAppTemplateDirective(parts[0], parts[1], fields) : null;
    }

    // Meta's template names: lowercase letters, digits and underscores, at most 512.
    private static bool IsName(string name) => name.Length is > 0 and <= 512 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static bool IsLanguage(string code) =>
        code.Length is >= 2 and <= 8 && code.All(c => char.IsAsciiLetter(c) || c == '_' || c == '-');
}
