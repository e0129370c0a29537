using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

/// <summary>Every row read is either kept or dropped with a reason, blank rows included (issue 15).</summary>
public sealed class RecipientImporterBlankRowsTests
{
    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_CsvBlankAndSeparatorOnlyRows_DroppedAsBlankRowSoCountsAddUp()
    {
        var result = await ImportTextAsync("phone;name\n+79161234567;Ann\n\n;;\n  ;  \ngarbage;Bob\n+79161234568;Cid\n");

        AssertCountsAddUp(result, rowsRead: 6);
        Assert.Equal(3, result.DroppedCounts[ImportReasons.BlankRow]);
        Assert.Equal([3, 4, 5], result.Dropped.Where(d => d.Reason == ImportReasons.BlankRow).Select(d => d.Row));
        Assert.Equal([3, 4, 5, 6], result.Dropped.Select(d => d.Row));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxBlankRows_DroppedAsBlankRowSoCountsAddUp()
    {
        var bytes = new XlsxBuilder().Sheet("List", ["phone"], [79161234567L], [null], [""], ["  "], [79161234567L]).Build();

        var result = await ImportBytesAsync(bytes);

        AssertCountsAddUp(result, rowsRead: 5);
        Assert.Equal(3, result.DroppedCounts[ImportReasons.BlankRow]);
        Assert.Equal(1, result.DroppedCounts[ImportReasons.Duplicate]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_JsonNullItems_DroppedAsBlankRowSoCountsAddUp()
    {
        var result = await ImportTextAsync("""[{"phone": "+79161234567"}, null, {"phone": "x"}, null]""");

        AssertCountsAddUp(result, rowsRead: 4);
        Assert.Equal([new ImportIssue(2, ImportReasons.BlankRow), new ImportIssue(3, ImportReasons.InvalidPhone, "phone"), new ImportIssue(4, ImportReasons.BlankRow)], result.Dropped);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_BlankRowsPastMaxRows_ReturnTooManyRows()
    {
        var result = await ImportTextAsync("phone\n+79161234567\n" + string.Concat(Enumerable.Repeat(";\n", 10)), new ImportOptions { MaxRows = 5 });

        Assert.Equal(ImportErrorCodes.TooManyRows, result.Error?.Code);
    }

    private static void AssertCountsAddUp(ImportResult result, int rowsRead)
    {
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(rowsRead, result.Source.RowCount);
        Assert.Equal(result.Source.RowCount, result.Recipients.Count + result.DroppedCounts.Values.Sum());
        Assert.Equal(result.Dropped.Count, result.DroppedCounts.Values.Sum());
    }
}
