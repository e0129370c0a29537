namespace Herald.Core.Imports;

/// <summary>How one column of the input was read (detected or explicit), for the operator to confirm or correct.</summary>
/// <param name="Index">The zero-based column position.</param>
/// <param name="Header">The header text, or null without a header row.</param>
/// <param name="Role">What the column holds.</param>
/// <param name="Field">
/// For <see cref="RecipientColumnRole.Field"/>: the key in <c>Recipient.Fields</c> (the header with spaces turned into
/// <c>_</c>, or <c>column_n</c>), usable as <c>{{field}}</c> in templates.
/// </param>
public sealed record ImportColumnMapping(int Index, string? Header, RecipientColumnRole Role, string? Field = null)
{
    /// <summary>The fields recipients read with <paramref name="columns"/> carry: each custom field, and <c>email</c> for an e-mail column.</summary>
    public static IReadOnlyList<string> FieldNamesOf(IEnumerable<ImportColumnMapping> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return [.. columns
            .Select(c => c.Role switch { RecipientColumnRole.Field => c.Field, RecipientColumnRole.Email => Domain.Recipient.EmailField, _ => null })
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
