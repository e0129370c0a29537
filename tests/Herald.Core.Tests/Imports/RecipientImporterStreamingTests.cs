using System.Text;
using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

/// <summary>The streaming overload: recipients leave in batches and are not held, the answer stays small.</summary>
public sealed class RecipientImporterStreamingTests
{
    private static byte[] Csv(int rows) =>
        Encoding.UTF8.GetBytes("phone,name\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"+7916{i:D7},Name {i}\n")));

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_WithSink_HandsOverBatchesAndKeepsNoneOfThem()
    {
        var sink = new ReleaseCheckingSink();
        using var stream = new MemoryStream(Csv(3_500));

        var result = await Importer().ImportAsync(stream, ImportFormat.Auto, sink);

        Assert.True(result.Success);
        Assert.Empty(result.Recipients);
        Assert.Equal(3_500, result.Source.RecipientCount);
        Assert.Equal([1_000, 1_000, 1_000, 500], sink.Batches);
        Assert.Equal("+79160000000", sink.First);
        // Every earlier batch was collectable when the next one arrived: the importer holds a batch, never the list.
        Assert.Equal(0, sink.StillAlive);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_WithSink_ListsTheFirstDroppedRowsAndCountsThemAll()
    {
        var text = "phone\n+79161234567\n" + string.Concat(Enumerable.Repeat("not a phone\n\n", 750)) + "+79161234568\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var result = await Importer().ImportAsync(stream, ImportFormat.Csv, new ReleaseCheckingSink());

        Assert.Equal(RecipientImporter.ListedIssues, result.Dropped.Count);
        Assert.Equal(1_500, result.DroppedCount);
        Assert.Equal(1_500, result.DroppedCounts.Values.Sum());
        Assert.Equal(750, result.DroppedCounts[ImportReasons.BlankRow]);
        Assert.Equal(result.Source.RowCount, result.Source.RecipientCount + result.DroppedCount);
        Assert.Equal(new ImportIssue(3, ImportReasons.InvalidPhone, "phone"), result.Dropped[0]);
        Assert.Equal(new ImportIssue(4, ImportReasons.BlankRow), result.Dropped[1]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_JsonLargerThanItsReadBuffer_ReadsTheListAfterALargeValueAndNamesALateBreak()
    {
        var items = string.Join(",\n", Enumerable.Range(0, 4_000).Select(i => $"{{\"phone\":\"+7916{i:D7}\",\"note\":\"{new string('n', i % 300)}\"}}"));
        var json = $"{{\"meta\":{{\"notes\":\"{new string('m', 200_000)}\",\"items\":[1,2]}},\"recipients\":[\n{items}\n],\"total\":4000}}";
        var broken = json[..^40];

        var read = await ImportTextAsync(json);
        var failed = await ImportTextAsync(broken);

        Assert.Equal(4_000, read.Recipients.Count);
        Assert.Equal("+79160003999", read.Recipients[^1].Phone);
        Assert.Equal(ImportErrorCodes.UnreadableFile, failed.Error?.Code);
        Assert.Contains("line 4001", failed.Error!.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_TwiceTheOldRowLimit_StreamsItInBatchesAndReportsEveryDroppedReason()
    {
        // 200,000 rows (the old limit was 100,000) with an invalid id every 1,000th row, a duplicate every 999th and a blank line every 5,000th.
        var csv = new StringBuilder("user_id,name\n");
        for (var i = 0; i < 200_000; i++)
        {
            var id = i % 1_000 == 7 ? "not-an-id" : i % 999 == 5 && i > 5 ? (1_000_000 + i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            csv.Append(id).Append(",Name ").Append(i).Append('\n');
            if (i % 5_000 == 4_999)
            {
                csv.Append('\n');
            }
        }

        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var sink = new ReadAheadSink(stream);

        var result = await Importer().ImportAsync(stream, ImportFormat.Csv, sink, new ImportOptions { DigitsAs = DigitsPreference.UserId });

        Assert.True(result.Success, result.Error?.Message);
        Assert.True(result.Source.RecipientCount > 190_000);
        Assert.Equal(result.Source.RecipientCount, sink.Received);
        Assert.True(sink.Batches.All(b => b <= RecipientImporter.BatchSize));
        // The first batch left when only the head of the file had been read by the collecting pass: it is read row by row, not held.
        Assert.True(sink.ReadAtFirstBatch < stream.Length / 20, $"{sink.ReadAtFirstBatch} of {stream.Length} bytes read before the first batch");
        Assert.Equal(40, result.DroppedCounts[ImportReasons.BlankRow]);
        Assert.Equal(200, result.DroppedCounts[ImportReasons.InvalidUserId]);
        Assert.True(result.DroppedCounts[ImportReasons.Duplicate] > 150);
        Assert.Equal(result.Source.RowCount, result.Source.RecipientCount + result.DroppedCount);
        Assert.Equal(result.DroppedCount, result.Dropped.Count);
        Assert.Equal((9, ImportReasons.InvalidUserId), (result.Dropped[0].Row, result.Dropped[0].Reason));
    }

    // Counts what it is handed and notes how far the content had been read when the first batch came.
    private sealed class ReadAheadSink(Stream content) : IRecipientSink
    {
        public long ReadAtFirstBatch { get; private set; } = -1;

        public List<int> Batches { get; } = [];

        public int Received { get; private set; }

        public Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
        {
            if (ReadAtFirstBatch < 0)
            {
                ReadAtFirstBatch = content.Position;
            }

            Batches.Add(recipients.Count);
            Received += recipients.Count;
            return Task.CompletedTask;
        }
    }

    private sealed class ReleaseCheckingSink : IRecipientSink
    {
        private readonly List<WeakReference> _earlier = [];

        public List<int> Batches { get; } = [];

        public string? First { get; private set; }

        public int StillAlive { get; private set; }

        public Task WriteAsync(IReadOnlyList<Recipient> recipients, CancellationToken cancellationToken = default)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            StillAlive += _earlier.Count(w => w.IsAlive);
            _earlier.Clear();
            First ??= recipients[0].Phone;
            Batches.Add(recipients.Count);
            foreach (var recipient in recipients)
            {
                _earlier.Add(new WeakReference(recipient));
            }

            return Task.CompletedTask;
        }
    }
}
