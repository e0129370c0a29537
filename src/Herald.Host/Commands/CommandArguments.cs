namespace Herald.Host.Commands;

/// <summary>
/// Splits a command's arguments into its own options (<c>--tenant demo</c>) and the rest, which go to configuration
/// as usual (<c>--environment Development</c>, <c>--Herald:DataDirectory=/tmp/x</c>).
/// </summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CommandArguments(List<string> configuration) => Configuration = [.. configuration];

    /// <summary>The arguments that are not the command's own: passed on to the configuration builder.</summary>
    public string[] Configuration { get; }

    /// <summary>Parses <paramref name="args"/>, taking the value after each of <paramref name="names"/> (a value never starts with <c>--</c>).</summary>
    public static CommandArguments Parse(string[] args, params string[] names)
    {
        var rest = new List<string>();
        var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (names.Contains(args[i]) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                parsed[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var result = new CommandArguments(rest);
        foreach (var (name, value) in parsed)
        {
            result._options[name] = value;
        }

        return result;
    }

    /// <summary>The value given for <paramref name="name"/>, or null.</summary>
    public string? this[string name] => _options.GetValueOrDefault(name);
}
