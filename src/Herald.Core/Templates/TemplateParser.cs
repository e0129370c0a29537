using System.Text;

namespace Herald.Core.Templates;

/// <summary>
/// Parses template text: <c>{{field}}</c> / <c>{{field|default}}</c> substitutions, spintax <c>{a|b|c}</c> (nestable),
/// and <c>\{</c>, <c>\}</c>, <c>\|</c>, <c>\\</c> escapes, which apply in a field's default too. A <c>|</c> outside a
/// choice is literal, and so is every <c>|</c> after the first one in a field (<c>{{name|a|b}}</c> defaults to <c>a|b</c>).
/// </summary>
internal sealed class TemplateParser(string text)
{
    private readonly List<TemplateError> _errors = [];
    private int _pos;

    public IReadOnlyList<TemplateError> Errors => _errors;

    public IReadOnlyList<TemplateNode> Parse()
    {
        var nodes = ParseSequence(inChoice: false);
        return nodes;
    }

    private List<TemplateNode> ParseSequence(bool inChoice)
    {
        var nodes = new List<TemplateNode>();
        var literal = new StringBuilder();
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (IsEscape(_pos))
            {
                literal.Append(text[_pos + 1]);
                _pos += 2;
            }
            else if (c == '{' && _pos + 1 < text.Length && text[_pos + 1] == '{')
            {
                Flush(nodes, literal);
                if (ParseField() is { } field)
                {
                    nodes.Add(field);
                }
            }
            else if (c == '{')
            {
                Flush(nodes, literal);
                var choice = ParseChoice();
                if (choice is { Options.Count: 1 })
                {
                    // One option is no choice: `{invite_link}` stays literal text, for placeholders that
                    // a platform fills in (the bot adapter's invite link).
                    nodes.Add(new TemplateNode.Text("{"));
                    nodes.AddRange(choice.Options[0]);
                    nodes.Add(new TemplateNode.Text("}"));
                }
                else if (choice is not null)
                {
                    nodes.Add(choice);
                }
            }
            else if (c == '}' || (c == '|' && inChoice))
            {
                if (inChoice)
                {
                    break;
                }

                _errors.Add(new TemplateError(_pos, $"Unbalanced brace: '}}' at position {_pos} closes nothing (write \\}} for a literal brace)."));
                _pos++;
            }
            else
            {
                literal.Append(c);
                _pos++;
            }
        }

        Flush(nodes, literal);
        return nodes;
    }

    private TemplateNode.Field? ParseField()
    {
        var start = _pos;
        var close = text.IndexOf("}}", _pos + 2, StringComparison.Ordinal);
        var name = new StringBuilder();
        StringBuilder? fallback = null;
        var i = _pos + 2;
        while (i < text.Length && !(text[i] == '}' && i + 1 < text.Length && text[i + 1] == '}') && text[i] != '{')
        {
            if (fallback is not null && IsEscape(i))
            {
                fallback.Append(text[i + 1]);
                i += 2;
            }
            else if (fallback is null && text[i] == '|')
            {
                fallback = new StringBuilder();
                i++;
            }
            else
            {
                (fallback ?? name).Append(text[i++]);
            }
        }

        if (i >= text.Length || text[i] == '{')
        {
            _errors.Add(new TemplateError(start, $"Unbalanced brace: the field opened with '{{{{' at position {start} is not closed with '}}}}'."));
            _pos = close < 0 ? text.Length : close + 2;
            return null;
        }

        _pos = i + 2;
        var trimmed = name.ToString().Trim();
        if (trimmed.Length == 0 || !trimmed.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '-' or '.'))
        {
            _errors.Add(new TemplateError(start, $"Bad field name '{text[start.._pos]}' at position {start}: use letters, digits, '_', '-' or '.'."));
            return null;
        }

        return new TemplateNode.Field(trimmed, fallback?.ToString(), start);
    }

    private bool IsEscape(int at) => text[at] == '\\' && at + 1 < text.Length && text[at + 1] is '{' or '}' or '|' or '\\';

    private TemplateNode.Choice? ParseChoice()
    {
        var start = _pos;
        _pos++;
        var options = new List<IReadOnlyList<TemplateNode>>();
        while (true)
        {
            options.Add(ParseSequence(inChoice: true));
            if (_pos >= text.Length)
            {
                _errors.Add(new TemplateError(start, $"Unbalanced brace: the variants opened with '{{' at position {start} are not closed with '}}'."));
                return null;
            }

            var c = text[_pos++];
            if (c == '}')
            {
                return new TemplateNode.Choice(options);
            }
        }
    }

    private static void Flush(List<TemplateNode> nodes, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            nodes.Add(new TemplateNode.Text(literal.ToString()));
            literal.Clear();
        }
    }
}
