using System.Text;
using System.Text.RegularExpressions;

namespace Herald.Host.Validation;

/// <summary>What <see cref="MarkupDetector"/> found.</summary>
public enum MarkupKind
{
    /// <summary>A <c>&lt;script</c> tag.</summary>
    Script,

    /// <summary>Any other HTML tag, comment or declaration (<c>&lt;b&gt;</c>, <c>&lt;/p</c>, <c>&lt;!--</c>).</summary>
    HtmlTag,

    /// <summary>A tag written with character references (<c>&amp;lt;img</c>, <c>&amp;#60;svg</c>).</summary>
    EncodedTag,

    /// <summary>A script URL (<c>javascript:</c>, <c>vbscript:</c>, <c>data:text/html</c>).</summary>
    ScriptUrl,
}

/// <summary>
/// Finds HTML or script in plain text that Herald sends or shows (message text, names; R26, R30). Text is NFKC-normalised
/// and stripped of control characters first, so full-width brackets or <c>java\tscript:</c> do not slip through.
/// A <c>&lt;</c> followed by a letter, <c>/</c>, <c>!</c> or <c>?</c> counts as a tag; <c>a &lt; b</c> and <c>&lt;3</c> do not.
/// </summary>
public static partial class MarkupDetector
{
    /// <summary>The first kind of markup in <paramref name="text"/>, or null when it is plain text.</summary>
    public static MarkupKind? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var normalized = StripControls(text.Normalize(NormalizationForm.FormKC));
        if (ScriptTag().IsMatch(normalized))
        {
            return MarkupKind.Script;
        }

        if (HtmlTag().IsMatch(normalized))
        {
            return MarkupKind.HtmlTag;
        }

        if (EncodedTag().IsMatch(normalized))
        {
            return MarkupKind.EncodedTag;
        }

        return ScriptUrl().IsMatch(normalized) ? MarkupKind.ScriptUrl : null;
    }

    /// <summary>A short description for an error message.</summary>
    public static string Describe(MarkupKind kind) => kind switch
    {
        MarkupKind.Script => "a <script> tag",
        MarkupKind.HtmlTag => "an HTML tag",
        MarkupKind.EncodedTag => "an HTML tag written with character references",
        _ => "a script URL such as javascript:",
    };

    // Browsers drop tabs and newlines inside URL schemes ("java\tscript:"), so they must not split a match here.
    private static string StripControls(string text) =>
        text.AsSpan().ContainsAnyInRange('\0', '\u001f') ? string.Concat(text.Where(c => !char.IsControl(c))) : text;

    [GeneratedRegex(@"<\s*/?\s*script", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"<[a-z!/?]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"&(lt|#0*60|#x0*3c);?\s*[a-z!/?]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EncodedTag();

    [GeneratedRegex(@"\b(javascript|vbscript|livescript)\s*:|\bdata\s*:\s*text/html", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptUrl();
}
