using System.Text;
using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterFormatsTests
{
    private static byte[] Workbook() => new XlsxBuilder()
        .Sheet("Leads",
            ["Телефон", "Имя"],
            [79161234567L, "Иван"],
            [null, null],
            ["8 916 123 45 68", "Пётр"])
        .Sheet("Promo",
            ["username", "promo_code", "user_id"],
            ["@alice_b", "A1", 123456789L],
            ["@alice_b", "A2", null],
            ["t.me/bob_smith", 42, null])
        .Build();

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxFirstSheet_ReadsNumbersAsDigitsAndReportsBlankRows()
    {
        var result = await ImportBytesAsync(Workbook(), new ImportOptions { FileName = "leads.xlsx" });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(ImportFormat.Xlsx, result.Format);
        Assert.Equal("Leads", result.Sheet);
        Assert.Equal([("+79161234567", "Иван"), ("+79161234568", "Пётр")], result.Recipients.Select(r => (r.Phone, r.Name)));
        Assert.Equal(3, result.Source.RowCount);
        Assert.Equal(new ImportIssue(3, ImportReasons.BlankRow), Assert.Single(result.Dropped));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxNamedSheet_ReadsThatSheetWithRowNumbers()
    {
        var result = await ImportBytesAsync(Workbook(), new ImportOptions { SheetName = "promo" });

        Assert.Equal("Promo", result.Sheet);
        Assert.Equal([("alice_b", 123456789L, "A1"), ("bob_smith", (long?)null, "42")],
            result.Recipients.Select(r => (r.Username!, r.UserId, r.Fields!["promo_code"])));
        Assert.Equal(new ImportIssue(3, ImportReasons.Duplicate), Assert.Single(result.Dropped));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxListInColumnB_LeavesEmptyColumnOutAndReadsIdentifiers()
    {
        var bytes = new XlsxBuilder().Sheet("List", [null, "@alice_b"], [null, null], [null, "bob_smith"], [null, 79161234567L]).Build();

        var result = await ImportBytesAsync(bytes);

        Assert.Equal(new ImportColumnMapping(1, null, RecipientColumnRole.Identifier), Assert.Single(result.Columns));
        Assert.Equal(["u:alice_b", "u:bob_smith", "p:+79161234567"], result.Recipients.Select(r => r.Key));
        Assert.Equal(new ImportIssue(2, ImportReasons.BlankRow), Assert.Single(result.Dropped));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxNotesSheetFirst_ReadsTheFirstSheetWithRecipientsAndListsTheOthers()
    {
        var bytes = new XlsxBuilder()
            .Sheet("Notes", ["Call them before noon"], ["Remember the promo"])
            .Sheet("Cities", ["city", "country"], ["Berlin", "Germany"])
            .Sheet("List", ["Name", "Контакт"], ["Ann", 79161234567L], ["Bob", "@bob_smith"])
            .Sheet("Archive", ["phone"], [79161234568L])
            .Build();

        var result = await ImportBytesAsync(bytes);
        var named = await ImportBytesAsync(bytes, new ImportOptions { SheetName = "archive" });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("List", result.Sheet);
        Assert.Equal(["Notes", "Cities", "Archive"], result.OtherSheets);
        Assert.Equal(["p:+79161234567", "u:bob_smith"], result.Recipients.Select(r => r.Key));
        Assert.Equal("Archive", named.Sheet);
        Assert.Equal(["Notes", "Cities", "List"], named.OtherSheets);
        Assert.Equal("+79161234568", Assert.Single(named.Recipients).Phone);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxNoSheetWithRecipients_ReadsTheFirstAsBefore()
    {
        var bytes = new XlsxBuilder().Sheet("Notes", ["Call them before noon"]).Sheet("More", ["Remember the promo"]).Build();

        var result = await ImportBytesAsync(bytes);

        Assert.Equal("Notes", result.Sheet);
        Assert.Equal(["More"], result.OtherSheets);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxMissingSheet_ReturnsSheetNotFound()
    {
        var result = await ImportBytesAsync(Workbook(), new ImportOptions { SheetName = "Other" });

        Assert.Equal(ImportErrorCodes.SheetNotFound, result.Error?.Code);
        Assert.Contains("'Leads', 'Promo'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_DamagedWorkbook_ReturnsUnreadableFile()
    {
        var bytes = Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a zip at all, just noise after the signature");

        var workbook = Workbook();

        var result = await ImportBytesAsync(bytes, new ImportOptions { FileName = "list.csv" });
        var truncated = await ImportBytesAsync(workbook[..(workbook.Length / 2)]);
        var ole = await ImportBytesAsync([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[600]]);

        Assert.Equal(ImportFormat.Xlsx, result.Format);
        Assert.Equal(ImportErrorCodes.UnreadableFile, result.Error?.Code);
        Assert.Equal(ImportErrorCodes.UnreadableFile, truncated.Error?.Code);
        Assert.Equal(ImportErrorCodes.UnreadableFile, ole.Error?.Code);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_JsonObjects_MapsPropertiesLikeHeaders()
    {
        const string json = """
            [
              {"username": "@alice_b", "phone": "+7 916 123-45-67", "promo_code": "P1"},
              {"user_id": 987654321, "name": "Bob"},
              {"Phone": "89161234568", "extra": {"nested": true}, "promo_code": 77}
            ]
            """;

        var result = await ImportTextAsync(json);

        Assert.Equal(ImportFormat.Json, result.Format);
        Assert.True(result.HasHeader);
        Assert.Equal(
            [("alice_b", null, "+79161234567", "P1"), (null, 987654321L, null, null), (null, (long?)null, "+79161234568", "77")],
            result.Recipients.Select(r => (r.Username, r.UserId, r.Phone, r.Fields?.GetValueOrDefault("promo_code"))));
        Assert.Equal(["promo_code", "extra"], result.FieldNames);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_JsonStringsUnderRecipients_DetectsEachValue()
    {
        // A bare first word over @-names would read as a header in CSV; JSON items are never headers.
        const string json = """{"recipients": ["dave_d", "@alice_b", "+79161234567", 12345, "https://t.me/bob_smith", null, {"x": 1}]}""";

        var result = await ImportTextAsync(json, new ImportOptions { FileName = "list.json" });

        Assert.Equal(
            [("dave_d", null, null), ("alice_b", null, null), (null, null, "+79161234567"), (null, 12345L, null), ("bob_smith", (long?)null, (string?)null)],
            result.Recipients.Select(r => (r.Username, r.UserId, r.Phone)));
        Assert.False(result.HasHeader);
        Assert.Equal([new ImportIssue(6, ImportReasons.BlankRow), new ImportIssue(7, ImportReasons.InvalidRow)], result.Dropped);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_MalformedJson_ReturnsUnreadableFile()
    {
        var result = await ImportTextAsync("[{\"phone\": \"+79161234567\"", new ImportOptions { FileName = "x.json" });

        Assert.Equal(ImportErrorCodes.UnreadableFile, result.Error?.Code);
        AssertNoValuesInReport(result, "79161234567");
    }

    [Theory]
    [InlineData("[{\"phone\": \"+79161234567\"},\n {\"phone\": \"+7916", "at line 2, byte ")]
    [InlineData("[\"@alice_b\",\n\"@bob_smith\",\n\"@carol_c\"", "line 3, byte 11")]
    [InlineData("[{\"phone\": +79161234567}]", "line 1, byte 12")]
    public async Task ImportAsync_MalformedJson_NamesLineAndBytePosition(string json, string position)
    {
        var result = await ImportTextAsync(json, new ImportOptions { FileName = "list.json" });

        Assert.Equal(ImportErrorCodes.UnreadableFile, result.Error?.Code);
        Assert.Contains(position, result.Error!.Message, StringComparison.Ordinal);
        AssertNoValuesInReport(result, "79161234567", "alice_b", "bob_smith", "carol_c");
    }

    [Theory]
    [InlineData("a.csv", "[1]", ImportFormat.Csv)]
    [InlineData("a.JSON", "x", ImportFormat.Json)]
    [InlineData("a.xls", "x", ImportFormat.Xlsx)]
    [InlineData(null, "  \n [\"@alice_b\"]", ImportFormat.Json)]
    [InlineData(null, "{\"items\": []}", ImportFormat.Json)]
    [InlineData("upload.bin", "phone\n+79161234567", ImportFormat.Csv)]
    public void DetectFormat_NameAndContent_PicksFormat(string? fileName, string content, ImportFormat expected) =>
        Assert.Equal(expected, RecipientImporter.DetectFormat(fileName, Encoding.UTF8.GetBytes(content)));
}
