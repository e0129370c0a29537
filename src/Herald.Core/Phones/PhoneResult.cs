namespace Herald.Core.Phones;

/// <summary>A phone number in E.164 form with its region, or why the input is not one.</summary>
/// <param name="E164">The number as <c>+</c> and its digits, on success.</param>
/// <param name="Region">The ISO 3166-1 alpha-2 region the number belongs to (<c>RU</c>, <c>KZ</c>, <c>GB</c>), on success.</param>
/// <param name="Error">Why the input was rejected (never echoes the number).</param>
public readonly record struct PhoneResult(string? E164, string? Region, string? Error)
{
    /// <summary>True when <see cref="E164"/> is set.</summary>
    public bool Success => E164 is not null;

    internal static PhoneResult Fail(string error) => new(null, null, error);
}
