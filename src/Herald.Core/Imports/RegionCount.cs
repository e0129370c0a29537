namespace Herald.Core.Imports;

/// <summary>How many recipients have a phone of one region (R9).</summary>
/// <param name="Region">The ISO 3166-1 alpha-2 region by libphonenumber (<c>RU</c>, <c>KZ</c>, <c>GB</c>), or <see cref="RecipientSegments.NoPhone"/>.</param>
/// <param name="Count">The recipients with it.</param>
public sealed record RegionCount(string Region, int Count);
