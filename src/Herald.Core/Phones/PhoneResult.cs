namespace Herald.Core.Phones;

/// <summary>A phone number in E.164 form, or why the input is not one.</summary>
/// <param name="E164">The number as <c>+</c> and 8 to 15 digits, on success.</param>
/// <param name="Error">Why the input was rejected (never echoes the full number).</param>
public readonly record struct PhoneResult(string? E164, string? Error)
{
    /// <summary>True when <see cref="E164"/> is set.</summary>
    public bool Success => E164 is not null;
}
