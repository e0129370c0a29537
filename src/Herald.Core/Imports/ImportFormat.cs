namespace Herald.Core.Imports;

/// <summary>The layout of a recipient list (R7).</summary>
public enum ImportFormat
{
    /// <summary>Detect from the file name's extension, else from the content (zip or OLE header: Excel; <c>[</c> or <c>{</c>: JSON; else CSV).</summary>
    Auto = 0,

    /// <summary>Delimited text: <c>,</c> <c>;</c> or tab (detected), optional header row, RFC 4180 quoting.</summary>
    Csv,

    /// <summary>An Excel workbook (<c>.xlsx</c>; legacy <c>.xls</c> is read too): the first sheet or a named one.</summary>
    Xlsx,

    /// <summary>A JSON array of objects (property names are column headers) or of strings and numbers.</summary>
    Json,
}
