using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Herald.Host.Validation;

/// <summary>
/// Turns System.Text.Json's <see cref="JsonException"/> into field errors with the client's own field names, and
/// messages that never mention .NET types. System.Text.Json offers no structured error kind, so the kind is read from
/// the (English, invariant) message; the unit tests pin every shape used here.
/// </summary>
internal static partial class JsonErrorTranslator
{
    public static ValidationErrors Translate(JsonException exception, Type rootType, JsonSerializerOptions options)
    {
        var errors = new ValidationErrors();
        var field = FieldOf(exception.Path);
        var message = exception.Message;

        if (exception.InnerException is JsonException)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}");
            return errors.Add(field, $"Malformed JSON at {at}.");
        }

        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return errors.Add(field, "Unknown field.");
        }

        if (message.Contains("was missing required properties", StringComparison.Ordinal))
        {
            const string Marker = "including:";
            var start = message.IndexOf(Marker, StringComparison.Ordinal);
            var listed = start < 0 ? "" : message[(start + Marker.Length)..];
            foreach (Match name in QuotedName().Matches(listed))
            {
                errors.Add(ValidationErrors.Join(field, name.Groups[1].Value), "Required field is missing.");
            }

            return errors.IsEmpty ? errors.Add(field, "A required field is missing.") : errors;
        }

        if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return errors.Add(field, "Field appears more than once.");
        }

        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            return errors.Add(field, "Must not be null.");
        }

        return errors.Add(field, $"Invalid value: expected {Expected(JsonPathTypes.Resolve(rootType, exception.Path, options), options)}.");
    }

    /// <summary><c>$.actions[1].kind</c> → <c>actions[1].kind</c>; <c>$</c> (or nothing) → <c>$</c>.</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == ValidationErrors.Body)
        {
            return ValidationErrors.Body;
        }

        var field = path.StartsWith('$') ? path[1..] : path;
        return field.StartsWith('.') ? field[1..] : field;
    }

    private static string Expected(Type? type, JsonSerializerOptions options)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is null)
        {
            return "a value of the documented type";
        }

        if (type.IsEnum)
        {
            var names = Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, options).Trim('"'));
            return $"one of {string.Join(", ", names)}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => "a string",
            TypeCode.Boolean => "true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "a whole number in range",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "a number",
            TypeCode.DateTime => "an ISO 8601 date and time",
            _ when type == typeof(DateTimeOffset) => "an ISO 8601 date and time with offset",
            _ when type == typeof(TimeSpan) => "a duration like 01:30:00",
            _ when type == typeof(Guid) => "a GUID",
            _ when type == typeof(Uri) => "a URI",
            _ when type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "an array",
            _ => "an object",
        };
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedName();
}
