using System.Text;
using Herald.Core.Domain;
using Herald.Core.Imports;
using Herald.Core.Phones;
using Herald.Engine.Campaigns;
using Herald.Host.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace Herald.Host.Tests.Campaigns;

public sealed class ReportCsvTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 60_000)]
    public async Task WriteAsync_ReportImportedBackAsARetryList_GivesTheSameRecipients()
    {
        Recipient[] recipients =
        [
            new(Phone: "+4915112345678", Name: "Phil"),
            new(UserId: 2001, Name: "=HYPERLINK(\"http://evil\",\"x\")"),
            new(Username: "alice_b", Phone: "+4915122223333", Name: "-Ann, the first"),
            new(Username: "bob_smith", Name: "@bob"),
        ];
        using var report = new MemoryStream();
        await ReportCsv.WriteAsync(report, Rows(recipients));
        Assert.Contains("'+4915112345678", Encoding.UTF8.GetString(report.ToArray()), StringComparison.Ordinal);

        report.Position = 0;
        var importer = new RecipientImporter(new PhoneNormalizer(new PhoneNormalizerOptions()), new FakeTimeProvider(At));
        var result = await importer.ImportAsync(report, ImportFormat.Auto, new ImportOptions { FileName = "report.csv" });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Empty(result.Dropped);
        Assert.Empty(result.IgnoredValues);
        Assert.Equal(recipients.Select(Identity), result.Recipients.Select(Identity));
    }

    private static (string?, long?, string?, string?) Identity(Recipient r) => (r.Username, r.UserId, r.Phone, r.Name);

    private static async IAsyncEnumerable<ReportRow> Rows(IEnumerable<Recipient> recipients)
    {
        var sequence = 0;
        foreach (var recipient in recipients)
        {
            await Task.Yield();
            yield return new ReportRow(++sequence, recipient, "failed", "gone: blocked_by_user", "acc-1", At);
        }
    }
}
