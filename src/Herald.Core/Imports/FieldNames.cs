using System.Text;
using Herald.Core.Templates;

namespace Herald.Core.Imports;

/// <summary>
/// Turns headers into custom field keys usable in templates (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>; spaces become
/// <c>_</c>), unique case-insensitively and apart from the built-in fields (<c>name_2</c> for a second name column).
/// </summary>
internal sealed class FieldNames
{
    private readonly HashSet<string> _taken = new(MessageTemplate.BuiltInFields, StringComparer.OrdinalIgnoreCase);

    public string Add(string? header, int index)
    {
        var sb = new StringBuilder();
        foreach (var c in header ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '-' or '.')
            {
                sb.Append(c);
            }
            else if (char.IsWhiteSpace(c) && sb.Length > 0 && sb[^1] != '_')
            {
                sb.Append('_');
            }
        }

        var name = sb.ToString().Trim('_');
        if (name.Length == 0)
        {
            name = $"column_{index + 1}";
        }

        var unique = name;
        for (var n = 2; !_taken.Add(unique); n++)
        {
            unique = $"{name}_{n}";
        }

        return unique;
    }
}
