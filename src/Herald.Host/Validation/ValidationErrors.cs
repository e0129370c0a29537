namespace Herald.Host.Validation;

/// <summary>
/// Field errors gathered while checking a request, keyed by the field's JSON path without the leading <c>$.</c>
/// (<c>message</c>, <c>actions[2].kind</c>); <c>$</c> means the body as a whole.
/// </summary>
public sealed class ValidationErrors
{
    /// <summary>The key for errors about the whole body.</summary>
    public const string Body = "$";

    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when nothing was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>The fields with errors.</summary>
    public IReadOnlyCollection<string> Fields => _errors.Keys;

    /// <summary>Records <paramref name="message"/> against <paramref name="field"/>.</summary>
    public ValidationErrors Add(string field, string message)
    {
        var key = string.IsNullOrEmpty(field) ? Body : field;
        if (!_errors.TryGetValue(key, out var messages))
        {
            _errors[key] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>The path of <paramref name="child"/> inside <paramref name="parent"/> (<c>schedule.start</c>).</summary>
    public static string Join(string parent, string child) => parent is "" or Body ? child : $"{parent}.{child}";

    /// <summary>The path of item <paramref name="index"/> of <paramref name="parent"/> (<c>actions[2]</c>).</summary>
    public static string Item(string parent, int index) => $"{parent}[{index}]";

    /// <summary>The errors in the shape of <c>HttpValidationProblemDetails.Errors</c>.</summary>
    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
