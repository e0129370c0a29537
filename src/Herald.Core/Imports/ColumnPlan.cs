namespace Herald.Core.Imports;

/// <summary>How the collector reads one column.</summary>
/// <param name="Index">The zero-based cell position.</param>
/// <param name="Label">The name issues give the column: its header, or <c>#n</c> (1-based).</param>
/// <param name="Role">What the column holds.</param>
/// <param name="Header">The header text, if any.</param>
/// <param name="Field">The custom field key for <see cref="RecipientColumnRole.Field"/>.</param>
internal sealed record ColumnPlan(int Index, string Label, RecipientColumnRole Role, string? Header, string? Field)
{
    public ImportColumnMapping ToMapping() => new(Index, Header, Role, Field);
}
