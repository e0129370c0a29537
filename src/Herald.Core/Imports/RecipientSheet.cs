namespace Herald.Core.Imports;

/// <summary>Tells a sheet of recipients from a sheet of notes, so a workbook is read from its first recipient sheet.</summary>
internal static class RecipientSheet
{
    private const int SampleRows = 100;

    /// <summary>
    /// True when <paramref name="table"/> maps (<see cref="ColumnMapper"/>) and an identifier column is named by its
    /// header or holds mostly clear identifiers (<c>@names</c>, links, phones); with an explicit mapping, when it maps.
    /// A sheet of text maps too (a single column is always read as identifiers), but is not likely recipients.
    /// </summary>
    public static bool IsLikely(RawTable table, ImportOptions options)
    {
        if (ColumnMapper.Map(table, options).Table is not { } mapped)
        {
            return false;
        }

        if (options.Columns is { Count: > 0 })
        {
            return true;
        }

        var sample = mapped.Sample.Take(SampleRows).ToList();
        return mapped.Columns.Any(c => ColumnMapper.IsIdentifier(c.Role)
            && (ColumnMapper.IsIdentifier(HeaderAliases.RoleOf(c.Header)) || ColumnMapper.MostlyIdentifiers(ColumnMapper.Shapes(sample, c.Index))));
    }
}
