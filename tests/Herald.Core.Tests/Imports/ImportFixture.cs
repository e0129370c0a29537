using System.Text;
using Herald.Core.Imports;
using Herald.Core.Phones;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Core.Tests.Imports;

/// <summary>Shared set-up of the import tests: a Russian default region (RU), a manual clock, text and PII helpers.</summary>
internal static class ImportFixture
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static PhoneNormalizer Phones { get; } = new(new PhoneNormalizerOptions { DefaultRegion = "RU" });

    public static RecipientImporter Importer() => new(Phones, new FakeTimeProvider(Now));

    public static RecipientListValidator Validator() => new(Phones, new FakeTimeProvider(Now));

    public static Task<ImportResult> ImportTextAsync(string text, ImportOptions? options = null, ImportFormat format = ImportFormat.Auto) =>
        ImportBytesAsync(new UTF8Encoding(false).GetBytes(text), options, format);

    public static async Task<ImportResult> ImportBytesAsync(byte[] bytes, ImportOptions? options = null, ImportFormat format = ImportFormat.Auto)
    {
        using var stream = new MemoryStream(bytes);
        return await Importer().ImportAsync(stream, format, options);
    }

    /// <summary>Every text of the report a caller may show or log: issues, error, mapping and source.</summary>
    public static IEnumerable<string> ReportTexts(ImportResult result)
    {
        foreach (var issue in result.Dropped.Concat(result.IgnoredValues))
        {
            yield return issue.ToString();
        }

        yield return result.Error?.ToString() ?? string.Empty;
        yield return string.Join(";", result.DroppedCounts.Keys);
        yield return string.Join(";", result.Columns);
        yield return result.Source.ToString();
    }

    /// <summary>Fails when any raw value (or its digits) appears anywhere in the report.</summary>
    public static void AssertNoValuesInReport(ImportResult result, params string[] values)
    {
        var report = string.Join("\n", ReportTexts(result));
        foreach (var value in values)
        {
            Assert.DoesNotContain(value, report, StringComparison.OrdinalIgnoreCase);
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= 5)
            {
                Assert.DoesNotContain(digits, report, StringComparison.Ordinal);
            }
        }
    }
}
