using System.Globalization;
using System.Text;

namespace Herald.Storage.Tables;

/// <summary>Renders interpolated filter arguments as OData literals (see <see cref="TableClient.CreateQueryFilter"/>).</summary>
internal static class TableQueryFilter
{
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or byte or sbyte or ushort => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => ((long)u).ToString(CultureInfo.InvariantCulture) + "L",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => ((double)f).ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset dto => $"datetime'{EdmValues.FormatDateTime(dto)}'",
        DateTime dt => $"datetime'{EdmValues.FormatDateTime(EdmValues.ToOffset(dt))}'",
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexString(data.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new NotSupportedException($"A {value.GetType().Name} cannot be a filter literal."),
    };

    private static string Quote(string s) => new StringBuilder(s.Length + 2).Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'').ToString();
}
