using System.Globalization;
using System.Text;

namespace Herald.Core.Pacing;

public sealed partial record AccountState
{
    private const string Version = "v1";

    /// <summary>
    /// The whole state as one compact string, e.g.
    /// <c>v1|w=1767600000000|f=1.5|la=1767601234000|c=I:1767600000,0,35|s=camp-1@1767601234000</c>:
    /// <c>w</c> warm-up start, <c>b</c>/<c>ba</c> blocked reason and time, <c>cu</c> cooldown end, <c>f</c> pace factor,
    /// <c>la</c> last action, <c>ls</c> last slowdown, <c>j</c> jitter seed, <c>c</c> counters, <c>r</c> recent sends,
    /// <c>s</c> last served per campaign. Times are Unix milliseconds, rounded up; text is percent-escaped.
    /// A user account's state stays within a few KiB, a busy bot's within about 10 KiB: well under a
    /// table property's 64 KiB.
    /// </summary>
    public string Serialize()
    {
        var sb = new StringBuilder(Version);
        AppendTime(sb, "w", WarmupStartedAt);
        if (BlockedReason is not null)
        {
            sb.Append("|b=").Append(Uri.EscapeDataString(BlockedReason));
        }

        AppendTime(sb, "ba", BlockedAt);
        AppendTime(sb, "cu", CooldownUntil);
        if (PaceFactor != 1.0)
        {
            sb.Append("|f=").Append(PaceFactor.ToString("R", CultureInfo.InvariantCulture));
        }

        AppendTime(sb, "la", LastActionAt);
        AppendTime(sb, "ls", LastSlowdownAt);
        if (JitterSeed != 0)
        {
            sb.Append("|j=").Append(JitterSeed.ToString(CultureInfo.InvariantCulture));
        }

        if (!Counters.IsEmpty)
        {
            sb.Append("|c=").Append(Counters.Serialize());
        }

        if (RecentSends.Length > 0)
        {
            sb.Append("|r=").Append(RecentSends.Serialize());
        }

        if (LastServed.Count > 0)
        {
            sb.Append("|s=");
            var first = true;
            foreach (var (id, at) in LastServed.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                sb.Append(first ? string.Empty : ",").Append(Uri.EscapeDataString(id)).Append('@').Append(Millis(at).ToString(CultureInfo.InvariantCulture));
                first = false;
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads the string written by <see cref="Serialize"/>; throws <see cref="FormatException"/> on garbage.</summary>
    public static AccountState Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        if (parts[0] != Version)
        {
            throw new FormatException($"Unknown account state version '{parts[0]}'.");
        }

        var state = new AccountState();
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Bad account state field '{part}'.");
            }

            var value = part[(eq + 1)..];
            state = part[..eq] switch
            {
                "w" => state with { WarmupStartedAt = ParseTime(value) },
                "b" => state with { BlockedReason = Uri.UnescapeDataString(value) },
                "ba" => state with { BlockedAt = ParseTime(value) },
                "cu" => state with { CooldownUntil = ParseTime(value) },
                "f" => state with { PaceFactor = double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) },
                "la" => state with { LastActionAt = ParseTime(value) },
                "ls" => state with { LastSlowdownAt = ParseTime(value) },
                "j" => state with { JitterSeed = long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) },
                "c" => state with { Counters = RollingCounters.Parse(value) },
                "r" => state with { RecentSends = RecentSends.Parse(value) },
                "s" => state with { LastServed = ParseServed(value) },
                _ => state, // a field from a newer version: ignored, so old readers survive additions
            };
        }

        return state;
    }

    /// <summary>Like <see cref="Parse"/>, but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out AccountState state)
    {
        try
        {
            state = text is null ? new AccountState() : Parse(text);
            return text is not null;
        }
        catch (FormatException)
        {
            state = new AccountState();
            return false;
        }
        catch (OverflowException)
        {
            state = new AccountState();
            return false;
        }
    }

    internal static DateTimeOffset CeilMillis(DateTimeOffset at)
    {
        var rest = at.UtcTicks % TimeSpan.TicksPerMillisecond;
        return rest == 0 ? at.ToUniversalTime() : new DateTimeOffset(at.UtcTicks - rest + TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
    }

    private static long Millis(DateTimeOffset at) => CeilMillis(at).ToUnixTimeMilliseconds();

    private static void AppendTime(StringBuilder sb, string key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            sb.Append('|').Append(key).Append('=').Append(Millis(v).ToString(CultureInfo.InvariantCulture));
        }
    }

    private static DateTimeOffset ParseTime(string value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    private static Dictionary<string, DateTimeOffset> ParseServed(string value)
    {
        var map = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var item in value.Split(','))
        {
            var at = item.LastIndexOf('@');
            if (at <= 0)
            {
                throw new FormatException($"Bad served entry '{item}'.");
            }

            map[Uri.UnescapeDataString(item[..at])] = ParseTime(item[(at + 1)..]);
        }

        return map;
    }
}
