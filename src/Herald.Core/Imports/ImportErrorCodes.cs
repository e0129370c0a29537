namespace Herald.Core.Imports;

/// <summary>Codes of an <see cref="ImportError"/> (stable, for the API).</summary>
public static class ImportErrorCodes
{
    /// <summary>The content is larger than <see cref="ImportOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "too_large";

    /// <summary>The list has more rows than <see cref="ImportOptions.MaxRows"/>.</summary>
    public const string TooManyRows = "too_many_rows";

    /// <summary>The content is not valid in its format (broken workbook, malformed JSON, unreadable CSV).</summary>
    public const string UnreadableFile = "unreadable_file";

    /// <summary>An explicit mapping names a column the list does not have.</summary>
    public const string UnknownColumn = "unknown_column";

    /// <summary>An explicit mapping puts two roles on one column.</summary>
    public const string InvalidMapping = "invalid_mapping";

    /// <summary>The workbook has no sheet named <see cref="ImportOptions.SheetName"/>.</summary>
    public const string SheetNotFound = "sheet_not_found";

    /// <summary>No column holds usernames, user ids, phones or e-mail addresses.</summary>
    public const string NoIdentifierColumn = "no_identifier_column";

    /// <summary>A workbook part, or all of them, inflate past <see cref="ImportOptions.MaxZipEntryBytes"/> or <see cref="ImportOptions.MaxInflatedBytes"/>.</summary>
    public const string InflatedTooLarge = "inflated_too_large";

    /// <summary>A workbook part is compressed more than <see cref="ImportOptions.MinInflateRatio"/> allows (a zip bomb).</summary>
    public const string CompressionRatio = "compression_ratio";

    /// <summary>The content has no data rows.</summary>
    public const string Empty = "empty";
}
