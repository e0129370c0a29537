using Herald.Core.Imports;
using Herald.Core.Phones;
using Herald.Host.Validation;

namespace Herald.Host.Imports;

/// <summary>
/// How <c>POST /api/imports</c> is told to read a list, from its query string: <c>fileName</c> (raw bodies),
/// <c>sheet</c>, <c>hasHeader</c> (<c>true</c>/<c>false</c>), <c>delimiter</c> (one character or <c>tab</c>),
/// <c>digitsAs</c> (<c>phone</c>/<c>userId</c>), <c>phonePrefixes</c> (comma-separated, e.g. <c>+7,+49</c>),
/// <c>region</c> (ISO 3166-1 alpha-2, e.g. <c>RU</c>: how phones without a country code are read) and
/// <c>columns</c> (repeatable <c>role:column</c>, role one of username, userId, phone, name, identifier; column a
/// header or <c>#n</c>, 1-based).
/// </summary>
internal static class ImportQuery
{
    private const int MaxTextLength = 200;

    public static ImportOptions Parse(IQueryCollection query, ImportOptions defaults, ValidationErrors errors)
    {
        var options = defaults with { SourceKind = RecipientSourceKind.File };
        if (Single(query, "fileName", errors) is { } fileName)
        {
            options = options with { FileName = UploadNames.Clean(fileName) };
        }

        if (Single(query, "sheet", errors) is { } sheet)
        {
            options = options with { SheetName = sheet };
        }

        if (Single(query, "hasHeader", errors) is { } header)
        {
            options = bool.TryParse(header, out var hasHeader) ? options with { HasHeader = hasHeader } : Fail(errors, "hasHeader", "Must be true or false.", options);
        }

        if (Single(query, "delimiter", errors) is { } delimiter)
        {
            options = delimiter switch
            {
                "tab" or "\\t" or "\t" => options with { Delimiter = '\t' },
                { Length: 1 } when delimiter[0] is not ('"' or '\r' or '\n') => options with { Delimiter = delimiter[0] },
                _ => Fail(errors, "delimiter", "Must be one character (not a quote or line break) or 'tab'.", options),
            };
        }

        if (Single(query, "digitsAs", errors) is { } digits)
        {
            options = digits switch
            {
                "phone" => options with { DigitsAs = DigitsPreference.Phone },
                "userId" => options with { DigitsAs = DigitsPreference.UserId },
                _ => Fail(errors, "digitsAs", "Must be phone or userId.", options),
            };
        }

        if (Single(query, "phonePrefixes", errors) is { } prefixes)
        {
            var list = prefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var bad = list.Where(p => RecipientSegments.NormalizePrefix(p) is null).ToList();
            options = bad.Count == 0
                ? options with { PhonePrefixes = list }
                : Fail(errors, "phonePrefixes", "Each prefix must be '+' and 1 to 15 digits, e.g. +7,+49.", options);
        }

        if (Single(query, "region", errors) is { } region)
        {
            options = PhoneNormalizer.IsKnownRegion(region)
                ? options with { Phones = new PhoneNormalizerOptions { DefaultRegion = region } }
                : Fail(errors, "region", "Must be an ISO 3166-1 alpha-2 region of phone numbers, e.g. RU, DE or GB.", options);
        }

        var columns = new Dictionary<RecipientColumnRole, ImportColumn>();
        foreach (var column in query["columns"])
        {
            if (ParseColumn(column) is { } mapping && columns.TryAdd(mapping.Role, mapping.Column))
            {
                continue;
            }

            errors.Add("columns", "Each must be role:column with a role of username, userId, phone, name, email or identifier (once each) and a header or #n.");
            break;
        }

        return columns.Count > 0 ? options with { Columns = columns } : options;
    }

    private static (RecipientColumnRole Role, ImportColumn Column)? ParseColumn(string? text)
    {
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1 || text.Length > MaxTextLength)
        {
            return null;
        }

        RecipientColumnRole? role = text[..colon].Trim() switch
        {
            "username" => RecipientColumnRole.Username,
            "userId" => RecipientColumnRole.UserId,
            "phone" => RecipientColumnRole.Phone,
            "name" => RecipientColumnRole.Name,
            "identifier" => RecipientColumnRole.Identifier,
            "email" => RecipientColumnRole.Email,
            _ => null,
        };
        var column = text[(colon + 1)..].Trim();
        if (role is null || column.Length == 0)
        {
            return null;
        }

        return column.StartsWith('#') && int.TryParse(column.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1
            ? (role.Value, ImportColumn.At(n - 1))
            : (role.Value, ImportColumn.Named(column));
    }

    private static string? Single(IQueryCollection query, string name, ValidationErrors errors)
    {
        var values = query[name];
        if (values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1 || string.IsNullOrWhiteSpace(values[0]) || values[0]!.Length > MaxTextLength)
        {
            errors.Add(name, $"Give at most one non-empty value of up to {MaxTextLength} characters.");
            return null;
        }

        return values[0];
    }

    private static ImportOptions Fail(ValidationErrors errors, string field, string message, ImportOptions options)
    {
        errors.Add(field, message);
        return options;
    }
}
