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

    [Fact(Timeout = 30_000)]
    public async Task WriteAsync_RowsStillComing_TheFirstRowsReachTheStreamBeforeTheLastIsRead()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = new CountingStream();

        var writing = ReportCsv.WriteAsync(stream, GatedRows(2_000, gate.Task));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (stream.Written == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // Half the report is out while its second half has not been read: rows go out as they come, not at the end.
        Assert.False(writing.IsCompleted);
        Assert.True(stream.Written > 16 * 1024, $"{stream.Written} bytes written before the rest was read");
        gate.SetResult();
        await writing;
        Assert.Equal(4_001, Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    // Rows 1 … count, then (after the gate opens) as many again.
    private static async IAsyncEnumerable<ReportRow> GatedRows(int count, Task gate)
    {
        for (var i = 1; i <= 2 * count; i++)
        {
            if (i == count + 1)
            {
                await gate;
            }

            yield return new ReportRow(i, new Recipient(UserId: 7_000_000 + i, Name: $"Recipient {i}"), "failed", "gone: blocked_by_user", "acc-1", At);
        }
    }

    // MemoryStream's other writes (span, async) of a derived type all end in this one.
    private sealed class CountingStream : MemoryStream
    {
        private long _written;

        public long Written => Interlocked.Read(ref _written);

        public override void Write(byte[] buffer, int offset, int count)
        {
            base.Write(buffer, offset, count);
            Interlocked.Add(ref _written, count);
        }
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
