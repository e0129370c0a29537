using System.Text;
using Herald.Core.Phones;

namespace Herald.Core.Imports;

/// <summary>
/// How one recipient list is read (R7, R9). A host may bind defaults (the limits) from <c>Herald:Imports</c> and
/// derive per-request options with <c>with { FileName = … }</c>.
/// </summary>
public sealed record ImportOptions
{
    /// <summary>The configuration section a host binds.</summary>
    public const string SectionName = "Herald:Imports";

    /// <summary>The default <see cref="MaxBytes"/>: 256 MiB (a million rows of a few columns; the host spools an upload to disk, never to memory).</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>The default <see cref="MaxRows"/>: 1,000,000.</summary>
    public const int DefaultMaxRows = 1_000_000;

    /// <summary>The default <see cref="MaxZipEntryBytes"/>: 32 MiB.</summary>
    public const long DefaultMaxZipEntryBytes = 32L * 1024 * 1024;

    /// <summary>The default <see cref="MaxInflatedBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxInflatedBytes = 64L * 1024 * 1024;

    /// <summary>The uploaded file's name or the dataset id: picks the format by extension and is recorded in the source [none].</summary>
    public string? FileName { get; set; }

    /// <summary>Where the list came from, recorded in <see cref="ImportResult.Source"/> [<see cref="RecipientSourceKind.File"/>].</summary>
    public RecipientSourceKind SourceKind { get; set; } = RecipientSourceKind.File;

    /// <summary>The workbook sheet to read, matched case-insensitively [none: the first sheet with a recognisable recipient column, else the first].</summary>
    public string? SheetName { get; set; }

    /// <summary>
    /// Whether the first row is a header [null: detected — a header when a cell is a known column name, or when the
    /// first row holds no identifier while the rows below do; a mapping by column name implies a header].
    /// </summary>
    public bool? HasHeader { get; set; }

    /// <summary>The CSV delimiter [null: detected among <c>,</c> <c>;</c> and tab, or given by an Excel <c>sep=</c> line].</summary>
    public char? Delimiter { get; set; }

    /// <summary>
    /// An explicit mapping, role to column [empty: detected from headers or content]. When given it is complete: the
    /// roles it names are read from those columns and every other column becomes a custom field.
    /// <see cref="RecipientColumnRole.Field"/> cannot be mapped here.
    /// </summary>
    public IReadOnlyDictionary<RecipientColumnRole, ImportColumn> Columns { get; set; } = new Dictionary<RecipientColumnRole, ImportColumn>();

    /// <summary>
    /// Keep only recipients whose phone starts with one of these prefixes (<c>+7</c>, <c>+49</c>, <c>+7916</c>) (R9);
    /// the others, including those without a phone, are dropped as <see cref="ImportReasons.Segment"/> [empty: keep all].
    /// </summary>
    public IReadOnlyList<string> PhonePrefixes { get; set; } = [];

    /// <summary>How digits-only values of an identifier column are read [<see cref="DigitsPreference.Phone"/>].</summary>
    public DigitsPreference DigitsAs { get; set; } = DigitsPreference.Phone;

    /// <summary>
    /// How phone numbers without a country code are read for this list (the upload's <c>region</c>) [null: the
    /// importer's <see cref="PhoneNormalizer"/>, from <c>Herald:Phones</c>].
    /// </summary>
    public PhoneNormalizerOptions? Phones { get; set; }

    /// <summary>The largest content read, in bytes [256 MiB].</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    /// <summary>
    /// The most bytes one part of a workbook (a zip entry, e.g. the sheet XML) may inflate to, counted as inflated, not
    /// as declared [32 MiB; Apache POI's default is 4 GiB, far beyond what a 20 MiB workbook of 100,000 rows needs].
    /// </summary>
    public long MaxZipEntryBytes { get; set; } = DefaultMaxZipEntryBytes;

    /// <summary>The most bytes all parts of a workbook may inflate to together [64 MiB].</summary>
    public long MaxInflatedBytes { get; set; } = DefaultMaxInflatedBytes;

    /// <summary>
    /// The smallest compressed-to-inflated size ratio of a workbook part over 100 KiB [0.01, i.e. 100:1, Apache POI's
    /// <c>MIN_INFLATE_RATIO</c>]; a part compressed further is refused as a zip bomb.
    /// </summary>
    public double MinInflateRatio { get; set; } = 0.01;

    /// <summary>The most data rows (or inline items) accepted [1,000,000].</summary>
    public int MaxRows { get; set; } = DefaultMaxRows;

    /// <summary>The longest value, in characters; a row with a longer one is dropped as <see cref="ImportReasons.TooLong"/> [500].</summary>
    public int MaxFieldLength { get; set; } = 500;

    /// <summary>The encoding of CSV and JSON bytes that have no BOM and are not valid UTF-8 [<c>windows-1251</c>].</summary>
    public string FallbackEncoding { get; set; } = "windows-1251";

    /// <summary>The problems of these options (empty when valid); the importer throws <see cref="ArgumentException"/> on them.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxBytes <= 0)
        {
            errors.Add("MaxBytes must be positive.");
        }

        if (MaxZipEntryBytes <= 0 || MaxInflatedBytes <= 0)
        {
            errors.Add("MaxZipEntryBytes and MaxInflatedBytes must be positive.");
        }

        if (!(MinInflateRatio > 0 && MinInflateRatio <= 1))
        {
            errors.Add("MinInflateRatio must be more than 0 and at most 1.");
        }

        if (MaxRows <= 0)
        {
            errors.Add("MaxRows must be positive.");
        }

        if (MaxFieldLength <= 0)
        {
            errors.Add("MaxFieldLength must be positive.");
        }

        if (Delimiter is '"' or '\r' or '\n')
        {
            errors.Add("Delimiter cannot be a quote or a line break.");
        }

        foreach (var prefix in PhonePrefixes ?? [])
        {
            if (RecipientSegments.NormalizePrefix(prefix) is null)
            {
                errors.Add($"Phone prefix '{prefix}' must be '+' and 1 to 15 digits.");
            }
        }

        foreach (var role in (Columns ?? new Dictionary<RecipientColumnRole, ImportColumn>()).Keys)
        {
            if (role is RecipientColumnRole.Field || !Enum.IsDefined(role))
            {
                errors.Add($"Columns cannot map the role {role}; unmapped columns become custom fields.");
            }
        }

        errors.AddRange(Phones?.Validate() ?? []);

        if (TextDecoding.FindEncoding(FallbackEncoding) is null)
        {
            errors.Add($"FallbackEncoding '{FallbackEncoding}' is not a known encoding.");
        }

        return errors;
    }

    internal PhoneNormalizer PhonesOr(PhoneNormalizer fallback) => Phones is null ? fallback : new PhoneNormalizer(Phones);

    internal void ThrowIfInvalid()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid import options: {string.Join(" ", errors)}", "options");
        }
    }

    internal Encoding Fallback => TextDecoding.FindEncoding(FallbackEncoding) ?? Encoding.Latin1;

    internal IReadOnlyList<string> NormalizedPrefixes => [.. (PhonePrefixes ?? []).Select(RecipientSegments.NormalizePrefix).OfType<string>()];
}
