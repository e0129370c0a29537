using System.Text.RegularExpressions;
using Herald.Host.Validation;

namespace Herald.Host.Messages;

/// <summary>
/// Checks text sent with Telegram's HTML parse mode: only the tags Telegram formats (<c>b strong i em u ins s strike del
/// span tg-spoiler a code pre blockquote tg-emoji</c>) are allowed, their attributes must hold no script URL, and what is
/// left once they are taken out must be plain text by <see cref="MarkupDetector"/>'s rules (no other tag, no script, no
/// encoded tag, no <c>javascript:</c>).
/// </summary>
public static partial class TelegramHtml
{
    /// <summary>Adds an error to <paramref name="field"/> when <paramref name="text"/> holds markup beyond Telegram's formatting tags.</summary>
    public static ValidationErrors AllowedHtml(this ValidationErrors errors, string field, string? text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            return errors;
        }

        foreach (Match tag in FormattingTag().Matches(text))
        {
            if (MarkupDetector.Find(tag.Groups["attributes"].Value) is { } inside)
            {
                errors.Add(field, $"Formatting tags must not carry {MarkupDetector.Describe(inside)}.");
                return errors;
            }
        }

        if (MarkupDetector.Find(FormattingTag().Replace(text, "")) is { } kind)
        {
            errors.Add(field, $"Only Telegram's formatting tags are allowed in HTML mode: found {MarkupDetector.Describe(kind)}.");
        }

        return errors;
    }

    [GeneratedRegex(@"<\s*/?\s*(?:b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji)(?<attributes>\s[^<>]*)?\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FormattingTag();
}
