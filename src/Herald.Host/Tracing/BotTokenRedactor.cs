using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace Herald.Host.Tracing;

/// <summary>
/// Removes Bot API tokens from every span before it is exported: the token is part of each Bot API URL
/// (<c>/bot&lt;id&gt;:&lt;secret&gt;/method</c>), so <c>url.full</c>, <c>url.path</c>, <c>http.target</c> and the span's name
/// would carry it. Keeps the bot id (public) and the method.
/// </summary>
public sealed partial class BotTokenRedactor : BaseProcessor<Activity>
{
    /// <summary>What replaces the secret part.</summary>
    public const string Redacted = "<redacted>";

    /// <inheritdoc />
    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.DisplayName = Redact(data.DisplayName);
        List<KeyValuePair<string, string>>? changed = null;
        foreach (var tag in data.TagObjects)
        {
            if (tag.Value is string text && Redact(text) is var redacted && !ReferenceEquals(redacted, text))
            {
                (changed ??= []).Add(new(tag.Key, redacted));
            }
        }

        foreach (var (key, value) in changed ?? [])
        {
            data.SetTag(key, value);
        }
    }

    /// <summary><paramref name="text"/> with each <c>bot&lt;id&gt;:&lt;secret&gt;</c> as <c>bot&lt;id&gt;:&lt;redacted&gt;</c> (the same instance when there is none).</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("bot", StringComparison.Ordinal) ? BotToken().Replace(text, "bot$1:" + Redacted) : text;
    }

    [GeneratedRegex(@"bot(\d+):[A-Za-z0-9_\-%]+")]
    private static partial Regex BotToken();
}
