using System.Text;
using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterCsvTests
{
    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_CsvWithEnglishHeaders_MapsRolesNormalizesAndKeepsCustomFields()
    {
        const string csv = """
            username,phone,name,promo_code
            @alice_b,+7 916 123-45-67,  Alice  ,PROMO1
            https://t.me/bob_smith,89161234568,Bob,PROMO2
            """;

        var result = await ImportTextAsync(csv, new ImportOptions { FileName = "list.csv" });

        Assert.True(result.Success);
        Assert.Equal(ImportFormat.Csv, result.Format);
        Assert.True(result.HasHeader);
        Assert.Equal(',', result.Delimiter);
        Assert.Equal(
            [RecipientColumnRole.Username, RecipientColumnRole.Phone, RecipientColumnRole.Name, RecipientColumnRole.Field],
            result.Columns.Select(c => c.Role));
        Assert.Equal(["promo_code"], result.FieldNames);
        Assert.Collection(
            result.Recipients,
            r =>
            {
                Assert.Equal(("alice_b", "+79161234567", "Alice"), (r.Username, r.Phone, r.Name));
                Assert.Equal("PROMO1", r.Fields!["PROMO_CODE"]);
            },
            r =>
            {
                Assert.Equal(("bob_smith", "+79161234568", "Bob"), (r.Username, r.Phone, r.Name));
                Assert.Equal("PROMO2", r.Fields!["promo_code"]);
            });
        Assert.Empty(result.Dropped);
        Assert.Equal(new RecipientSource(RecipientSourceKind.File, "list.csv", Now, 2, 2), result.Source);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_RussianHeadersWithSemicolons_MapsRolesAndCyrillicField()
    {
        const string csv = """
            Имя;Телефон;Ник;Промокод
            Иван;8 (916) 123-45-67;@ivan_petrov;СКИДКА10
            """;

        var result = await ImportTextAsync(csv);

        Assert.Equal(';', result.Delimiter);
        var r = Assert.Single(result.Recipients);
        Assert.Equal(("ivan_petrov", "+79161234567", "Иван"), (r.Username, r.Phone, r.Name));
        Assert.Equal("СКИДКА10", r.Fields!["Промокод"]);
        Assert.Equal(["Промокод"], result.FieldNames);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_NoHeaderRow_DetectsIdentifierAndNameColumnsByContent()
    {
        const string csv = "@alice_b,Alice\n+79161234567,Bob Smith\n";

        var result = await ImportTextAsync(csv);

        Assert.False(result.HasHeader);
        Assert.Equal([RecipientColumnRole.Identifier, RecipientColumnRole.Name], result.Columns.Select(c => c.Role));
        Assert.Equal([("alice_b", null, "Alice"), (null, "+79161234567", "Bob Smith")],
            result.Recipients.Select(r => (r.Username, r.Phone, r.Name)));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_UnknownHeaderOverPhones_IsReadAsHeader()
    {
        const string csv = "Клиент;Контакты клиента\nИван;+79161234567\nПётр;+79161234568\n";

        var result = await ImportTextAsync(csv);

        Assert.True(result.HasHeader);
        Assert.Equal(2, result.Recipients.Count);
        Assert.Equal(RecipientColumnRole.Identifier, result.Columns[1].Role);
        Assert.Equal("Клиент", result.Columns[0].Field);
        Assert.Equal("Иван", result.Recipients[0].Fields!["Клиент"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_Utf8Bom_IsNotPartOfTheHeader()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("phone;name\n+79161234567;Анна\n")).ToArray();

        var result = await ImportBytesAsync(bytes);

        Assert.Equal("phone", result.Columns[0].Header);
        var r = Assert.Single(result.Recipients);
        Assert.Equal(("+79161234567", "Анна"), (r.Phone, r.Name));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_Windows1251Bytes_FallBackFromUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1251).GetBytes("Имя;Телефон;Город\nИван;+79161234567;Москва\n");

        var result = await ImportBytesAsync(bytes, new ImportOptions { FileName = "клиенты.csv" });

        var r = Assert.Single(result.Recipients);
        Assert.Equal("Иван", r.Name);
        Assert.Equal("Москва", r.Fields!["Город"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_QuotedFieldsWithCommasQuotesAndLineBreaks_AreOneValueEach()
    {
        const string csv = "name,phone,note\n\"Petrov, Ivan\",+79161234567,\"a, b \"\"c\"\"\"\n\"Multi\nline\",+79161234568,x\n,,orphan\n";

        var result = await ImportTextAsync(csv);

        Assert.Equal(',', result.Delimiter);
        Assert.Equal(2, result.Recipients.Count);
        Assert.Equal("Petrov, Ivan", result.Recipients[0].Name);
        Assert.Equal("a, b \"c\"", result.Recipients[0].Fields!["note"]);
        Assert.Equal("Multi line", result.Recipients[1].Name);

        // The multi-line record is spreadsheet row 3, so the orphan is row 4.
        Assert.Equal(new ImportIssue(4, ImportReasons.NoIdentifier), Assert.Single(result.Dropped));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_TabsAndExcelSepLine_PickTheDelimiter()
    {
        var tabbed = await ImportTextAsync("phone\tname\n+79161234567\tSmith, John\n");
        var sep = await ImportTextAsync("sep=|\nphone|name\n+79161234567|Ann\n");

        Assert.Equal('\t', tabbed.Delimiter);
        Assert.Equal("Smith, John", Assert.Single(tabbed.Recipients).Name);
        Assert.Equal('|', sep.Delimiter);
        Assert.Equal("Ann", Assert.Single(sep.Recipients).Name);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_UnterminatedQuote_IsReadLeniently()
    {
        var result = await ImportTextAsync("phone,name\n+79161234567,\"Ann\n+79161234568,Bob\n");

        Assert.True(result.Success);
        Assert.Equal("+79161234567", Assert.Single(result.Recipients).Phone);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("a;b\n\"x,y\";2\n\"p,q\";3\n", ';')]
    [InlineData("name;phone\nIvan, Jr;+79161234567\n", ';')]
    [InlineData("a\tb\n1\t2\n", '\t')]
    [InlineData("@alice_b\n@bob_smith\n", ',')]
    public void DetectDelimiter_Sample_PicksTheConsistentOne(string text, char expected) =>
        Assert.Equal(expected, CsvTableReader.DetectDelimiter(text));
}
