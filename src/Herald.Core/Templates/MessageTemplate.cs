using System.Text;
using Herald.Core.Domain;
using Herald.Core.Limits;
using Herald.Core.Pacing;

namespace Herald.Core.Templates;

/// <summary>
/// A message template (R15): literal text with <c>{{field}}</c> substitutions from the recipient's columns
/// (<c>name</c>, <c>username</c>, <c>phone</c>, <c>user_id</c> and any custom column such as <c>promo_code</c>),
/// <c>{{field|default}}</c> for a value that may be missing, and spintax variants <c>{Hi|Hello|Hey}</c> (nestable).
/// The variant is chosen deterministically per recipient, so a retry renders the same text and different recipients
/// get different texts. Escape literal braces, bars and backslashes with a backslash (in a default too);
/// <c>{{name|}}</c> defaults to nothing.
/// </summary>
public sealed class MessageTemplate
{
    /// <summary>Field names every recipient may have.</summary>
    public static IReadOnlyList<string> BuiltInFields { get; } = ["name", "username", "phone", "user_id"];

    private readonly IReadOnlyList<TemplateNode> _nodes;

    private MessageTemplate(string source, IReadOnlyList<TemplateNode> nodes)
    {
        Source = source;
        _nodes = nodes;
        var fields = new List<string>();
        CollectFields(nodes, fields);
        Fields = fields.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        VariantCount = CountVariants(nodes);
        MaxStaticLength = LongestStatic(nodes);
        MayContainLinks = LinkDetector.ContainsLink(source);
    }

    /// <summary>The template text as written.</summary>
    public string Source { get; }

    /// <summary>The field names the template uses.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>How many different texts the variants can make (saturates at <see cref="long.MaxValue"/>).</summary>
    public long VariantCount { get; }

    /// <summary>The length of the longest variant with every field empty (a lower bound of the longest message).</summary>
    public int MaxStaticLength { get; }

    /// <summary>Some variant holds a link or mention: the lower daily cap may apply (check each rendered text too).</summary>
    public bool MayContainLinks { get; }

    /// <summary>
    /// Parses <paramref name="text"/>. With <paramref name="knownFields"/> (the recipient list's custom columns) an
    /// unknown field is an error; with <paramref name="maxLength"/> (the platform's limit, R30) a variant that is too long
    /// even before substitution is an error.
    /// </summary>
    public static TemplateParseResult Parse(string text, IReadOnlyCollection<string>? knownFields = null, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new TemplateParser(text);
        var nodes = parser.Parse();
        var errors = parser.Errors.ToList();
        if (text.Length == 0)
        {
            errors.Add(new TemplateError(0, "The message text is empty."));
        }

        if (errors.Count > 0)
        {
            return new TemplateParseResult(null, errors);
        }

        var template = new MessageTemplate(text, nodes);
        if (knownFields is not null)
        {
            var known = new HashSet<string>(BuiltInFields.Concat(knownFields), StringComparer.OrdinalIgnoreCase);
            var fieldNodes = new List<TemplateNode.Field>();
            CollectFieldNodes(nodes, fieldNodes);
            foreach (var field in fieldNodes.Where(f => !known.Contains(f.Name)))
            {
                errors.Add(new TemplateError(field.Position,
                    $"Unknown field '{{{{{field.Name}}}}}' at position {field.Position}; known fields: {string.Join(", ", known.Order(StringComparer.OrdinalIgnoreCase))}."));
            }
        }

        if (maxLength is { } max && template.MaxStaticLength > max)
        {
            errors.Add(new TemplateError(text.Length, $"The longest variant is {template.MaxStaticLength} characters before substitution; the platform allows {max}."));
        }

        return errors.Count > 0 ? new TemplateParseResult(null, errors) : new TemplateParseResult(template, []);
    }

    /// <summary>Parses or throws <see cref="FormatException"/> listing every error.</summary>
    public static MessageTemplate Create(string text, IReadOnlyCollection<string>? knownFields = null, int? maxLength = null)
    {
        var result = Parse(text, knownFields, maxLength);
        return result.Template ?? throw new FormatException(string.Join(" ", result.Errors.Select(e => e.Message)));
    }

    /// <summary>
    /// Renders the text for <paramref name="recipient"/>: its variant (chosen from the recipient's identity) with its
    /// field values. Fails when a field has no value and no default, or when the text exceeds <paramref name="maxLength"/>.
    /// </summary>
    public TemplateRenderResult Render(Recipient recipient, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var sb = new StringBuilder(Source.Length);
        List<string>? missing = null;
        Walk(recipient, sb, ref missing);
        if (missing is [var field, ..])
        {
            return new TemplateRenderResult(null, $"The recipient has no value for field '{field}' (give a default with {{{{{field}|...}}}}).");
        }

        return maxLength is { } max && sb.Length > max
            ? new TemplateRenderResult(null, $"The message is {sb.Length} characters; the platform allows {max}.")
            : new TemplateRenderResult(sb.ToString(), null);
    }

    /// <summary>
    /// The fields <see cref="Render"/> would find without a value for <paramref name="recipient"/>, in template order
    /// and once each: those of the recipient's own variant that have no default. Empty when it renders.
    /// </summary>
    public IReadOnlyList<string> MissingFields(Recipient recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        List<string>? missing = null;
        Walk(recipient, null, ref missing);
        return missing ?? [];
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    private void Walk(Recipient recipient, StringBuilder? sb, ref List<string>? missing)
    {
        var choice = 0;
        Walk(_nodes, recipient, (long)StableHash.Of(recipient.Key), ref choice, sb, ref missing);
    }

    // Walks the recipient's variant (the same choices for the same recipient), writing it to sb when given and
    // collecting the fields it has no value for.
    private static void Walk(IReadOnlyList<TemplateNode> nodes, Recipient recipient, long seed, ref int choice, StringBuilder? sb, ref List<string>? missing)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TemplateNode.Text text:
                    sb?.Append(text.Value);
                    break;
                case TemplateNode.Field field:
                    var value = ValueOf(recipient, field.Name);
                    if (string.IsNullOrEmpty(value) && field.Default is null)
                    {
                        missing ??= [];
                        if (!missing.Contains(field.Name, StringComparer.OrdinalIgnoreCase))
                        {
                            missing.Add(field.Name);
                        }
                    }

                    sb?.Append(string.IsNullOrEmpty(value) ? field.Default : value);
                    break;
                case TemplateNode.Choice c:
                    var pick = (int)(StableHash.Unit(seed, choice++, 7) * c.Options.Count);
                    Walk(c.Options[Math.Min(pick, c.Options.Count - 1)], recipient, seed, ref choice, sb, ref missing);
                    break;
            }
        }
    }

    private static string? ValueOf(Recipient recipient, string name)
    {
        if (recipient.Fields is { } fields)
        {
            if (fields.TryGetValue(name, out var exact))
            {
                return exact;
            }

            foreach (var (key, value) in fields)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return name.ToUpperInvariant() switch
        {
            "NAME" => recipient.Name,
            "USERNAME" => recipient.Username,
            "PHONE" => recipient.Phone,
            "USER_ID" => recipient.UserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static void CollectFields(IReadOnlyList<TemplateNode> nodes, List<string> names)
    {
        var fields = new List<TemplateNode.Field>();
        CollectFieldNodes(nodes, fields);
        names.AddRange(fields.Select(f => f.Name));
    }

    private static void CollectFieldNodes(IReadOnlyList<TemplateNode> nodes, List<TemplateNode.Field> fields)
    {
        foreach (var node in nodes)
        {
            if (node is TemplateNode.Field f)
            {
                fields.Add(f);
            }
            else if (node is TemplateNode.Choice c)
            {
                foreach (var option in c.Options)
                {
                    CollectFieldNodes(option, fields);
                }
            }
        }
    }

    private static long CountVariants(IReadOnlyList<TemplateNode> nodes)
    {
        long total = 1;
        foreach (var node in nodes.OfType<TemplateNode.Choice>())
        {
            long sum = 0;
            foreach (var option in node.Options)
            {
                sum = SaturatingAdd(sum, CountVariants(option));
            }

            total = sum != 0 && total > long.MaxValue / sum ? long.MaxValue : total * sum;
        }

        return total;
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static int LongestStatic(IReadOnlyList<TemplateNode> nodes) => nodes.Sum(node => node switch
    {
        TemplateNode.Text t => t.Value.Length,
        TemplateNode.Choice c => c.Options.Max(LongestStatic),
        _ => 0,
    });
}
