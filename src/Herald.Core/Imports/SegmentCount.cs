namespace Herald.Core.Imports;

/// <summary>How many recipients share a country calling code (R9).</summary>
/// <param name="Prefix">The calling code with <c>+</c> (<c>+7</c>, <c>+49</c>, <c>+380</c>), or <see cref="RecipientSegments.NoPhone"/>.</param>
/// <param name="Count">The recipients with it.</param>
public sealed record SegmentCount(string Prefix, int Count);
