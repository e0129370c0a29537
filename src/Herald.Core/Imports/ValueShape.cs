namespace Herald.Core.Imports;

/// <summary>The broad shape of a cell, for header and column-role detection.</summary>
internal enum ValueShape
{
    /// <summary>Nothing after cleaning.</summary>
    Empty = 0,

    /// <summary>Clearly an identifier: <c>@name</c>, a <c>t.me</c> link, or a phone-like run of at least 5 digits.</summary>
    Identifier,

    /// <summary>A bare word of username shape (<c>durov</c>, <c>promo_code</c>): a username or a header.</summary>
    Word,

    /// <summary>Other text with letters (a name, a header with spaces or Cyrillic).</summary>
    Text,

    /// <summary>Anything else (punctuation, short numbers).</summary>
    Other,
}
