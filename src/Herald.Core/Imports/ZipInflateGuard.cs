using System.Globalization;
using System.IO.Compression;

namespace Herald.Core.Imports;

/// <summary>
/// Refuses zip bombs before a workbook is parsed, after Apache POI's <c>ZipSecureFile</c>: every entry is inflated once
/// into a small scratch buffer, counting the bytes actually produced (the sizes a zip declares can lie) against
/// <see cref="ImportOptions.MaxZipEntryBytes"/>, <see cref="ImportOptions.MaxInflatedBytes"/> and
/// <see cref="ImportOptions.MinInflateRatio"/>. Memory stays at one buffer whatever the entries inflate to.
/// </summary>
internal static class ZipInflateGuard
{
    // As POI's GRACE_ENTRY_SIZE: tiny parts (styles, rels) compress far better than 100:1 and harm nothing.
    private const long RatioGraceBytes = 100 * 1024;
    private const int ScratchBytes = 64 * 1024;

    /// <summary>Null when every entry stays within the limits, else the limit hit (or <see cref="ImportErrorCodes.UnreadableFile"/>).</summary>
    public static ImportError? Check(ImportInput input, ImportOptions options, CancellationToken cancellationToken)
    {
        if (!input.Head(4).AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return null;
        }

        try
        {
            using var zip = new ZipArchive(input.Open(), ZipArchiveMode.Read);
            var scratch = new byte[ScratchBytes];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (Declared(entry, options) is { } declared)
                {
                    return declared;
                }

                using var inflating = entry.Open();
                long inflated = 0;
                int read;
                while ((read = inflating.Read(scratch)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (Exceeded(entry, inflated, total, options) is { } exceeded)
                    {
                        return exceeded;
                    }
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not a zip, or .NET's own check that an entry inflates to its declared size and checksum failed.
            return new ImportError(ImportErrorCodes.UnreadableFile, "The workbook could not be read (not an .xlsx/.xls file, or damaged).");
        }

        return null;
    }

    private static ImportError? Declared(ZipArchiveEntry entry, ImportOptions options) =>
        entry.Length > options.MaxZipEntryBytes ? EntryTooLarge(options)
        : entry.Length > RatioGraceBytes && (double)entry.CompressedLength / entry.Length < options.MinInflateRatio ? RatioTooHigh(options)
        : null;

    private static ImportError? Exceeded(ZipArchiveEntry entry, long inflated, long total, ImportOptions options) =>
        inflated > options.MaxZipEntryBytes ? EntryTooLarge(options)
        : total > options.MaxInflatedBytes ? new ImportError(ImportErrorCodes.InflatedTooLarge,
            Text($"The workbook inflates to more than {options.MaxInflatedBytes} bytes in all, the most one import reads (Herald:Imports:MaxInflatedBytes)."),
            nameof(ImportOptions.MaxInflatedBytes))
        : inflated > RatioGraceBytes && (double)entry.CompressedLength / inflated < options.MinInflateRatio ? RatioTooHigh(options)
        : null;

    private static ImportError EntryTooLarge(ImportOptions options) => new(ImportErrorCodes.InflatedTooLarge,
        Text($"A part of the workbook inflates to more than {options.MaxZipEntryBytes} bytes, the most one part may hold (Herald:Imports:MaxZipEntryBytes)."),
        nameof(ImportOptions.MaxZipEntryBytes));

    private static ImportError RatioTooHigh(ImportOptions options) => new(ImportErrorCodes.CompressionRatio,
        Text($"A part of the workbook is compressed more than {1 / options.MinInflateRatio:0.#}:1, which only a zip bomb does (Herald:Imports:MinInflateRatio {options.MinInflateRatio})."),
        nameof(ImportOptions.MinInflateRatio));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
