using System.Globalization;

namespace Herald.Storage.Tables;

/// <summary>Conversions between the Edm values the service stores and the CLR types entities use.</summary>
internal static class EdmValues
{
    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";

    /// <summary>Whether <paramref name="type"/> (or its nullable form) can be a property of a mapped POCO.</summary>
    public static bool IsSupported(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(bool)
            || t == typeof(DateTimeOffset) || t == typeof(System.DateTime) || t == typeof(System.Guid) || t == typeof(byte[])
            || t == typeof(BinaryData) || t.IsEnum;
    }

    /// <summary>Formats a DateTime value the way the service expects it (UTC, 7 fractional digits).</summary>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A DateTime as UTC; an unspecified kind is taken as UTC already.</summary>
    public static DateTimeOffset ToOffset(System.DateTime value) =>
        value.Kind == DateTimeKind.Local ? new DateTimeOffset(value.ToUniversalTime()) : new DateTimeOffset(System.DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Converts a stored value to <paramref name="target"/> (or its nullable form) without losing information.</summary>
    public static bool TryConvert(object value, Type target, out object? result)
    {
        var t = Nullable.GetUnderlyingType(target) ?? target;
        result = null;
        if (t.IsInstanceOfType(value))
        {
            result = value;
            return true;
        }

        if (t.IsEnum)
        {
            if (value is string name && Enum.TryParse(t, name, ignoreCase: true, out var parsed))
            {
                result = parsed;
                return true;
            }

            if (value is int or long)
            {
                result = Enum.ToObject(t, value);
                return true;
            }

            return false;
        }

        result = (t, value) switch
        {
            _ when t == typeof(long) && value is int i => (object)(long)i,
            _ when t == typeof(long) && value is string s && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ when t == typeof(int) && value is long l and >= int.MinValue and <= int.MaxValue => (object)(int)l,
            _ when t == typeof(double) && value is int i => (object)(double)i,
            _ when t == typeof(double) && value is long l => (object)(double)l,
            _ when t == typeof(DateTimeOffset) && value is System.DateTime d => ToOffset(d),
            _ when t == typeof(DateTimeOffset) && value is string s && TryParseDate(s, out var d) => d,
            _ when t == typeof(System.DateTime) && value is DateTimeOffset d => d.UtcDateTime,
            _ when t == typeof(System.DateTime) && value is string s && TryParseDate(s, out var d) => d.UtcDateTime,
            _ when t == typeof(System.Guid) && value is string s && System.Guid.TryParse(s, out var g) => g,
            _ when t == typeof(byte[]) && value is BinaryData b => b.ToArray(),
            _ when t == typeof(BinaryData) && value is byte[] b => new BinaryData(b),
            _ when t == typeof(bool) && value is string s && bool.TryParse(s, out var b) => b,
            _ when t == typeof(string) && value is Enum e => e.ToString(),
            _ => null,
        };
        return result is not null;
    }

    private static bool TryParseDate(string s, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
