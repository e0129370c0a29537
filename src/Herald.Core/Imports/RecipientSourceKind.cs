namespace Herald.Core.Imports;

/// <summary>Where a recipient list came from (R36).</summary>
public enum RecipientSourceKind
{
    /// <summary>An uploaded file.</summary>
    File = 0,

    /// <summary>A dataset of the parsing service (R8).</summary>
    Dataset,

    /// <summary>An inline list in an API request.</summary>
    Api,
}
