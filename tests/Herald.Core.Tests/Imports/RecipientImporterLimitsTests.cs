using System.Text;
using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterLimitsTests
{
    private static string Phones(int count) =>
        "phone\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"+7916{i:D7}\n"));

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_MoreRowsThanMaxRows_ReturnsTooManyRows()
    {
        var atLimit = await ImportTextAsync(Phones(3), new ImportOptions { MaxRows = 3 });
        var over = await ImportTextAsync(Phones(4), new ImportOptions { MaxRows = 3 });
        var overJson = await ImportTextAsync("[\"@alice_b\",\"@bob_smith\"]", new ImportOptions { MaxRows = 1 });

        Assert.True(atLimit.Success);
        Assert.Equal(3, atLimit.Recipients.Count);
        Assert.Equal(ImportErrorCodes.TooManyRows, over.Error?.Code);
        Assert.Empty(over.Recipients);
        Assert.Equal(ImportErrorCodes.TooManyRows, overJson.Error?.Code);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_MoreBytesThanMaxBytes_ReturnsTooLargeForSeekableAndStreamedContent()
    {
        var bytes = Encoding.UTF8.GetBytes(Phones(20));
        var options = new ImportOptions { MaxBytes = bytes.Length - 1 };

        var seekable = await ImportBytesAsync(bytes, options);
        using var pipe = new NonSeekableStream(bytes);
        var streamed = await Importer().ImportAsync(pipe, ImportFormat.Csv, options);
        var fits = await ImportBytesAsync(bytes, options with { MaxBytes = bytes.Length });

        Assert.Equal(ImportErrorCodes.TooLarge, seekable.Error?.Code);
        Assert.Equal(ImportErrorCodes.TooLarge, streamed.Error?.Code);
        Assert.Equal(20, fits.Recipients.Count);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ValueLongerThanMaxFieldLength_DropsRowAsTooLong()
    {
        var csv = $"phone,promo_code\n+79161234567,{new string('x', 21)}\n+79161234568,{new string('y', 20)}\n";

        var result = await ImportTextAsync(csv, new ImportOptions { MaxFieldLength = 20 });

        Assert.Equal("+79161234568", Assert.Single(result.Recipients).Phone);
        Assert.Equal(new ImportIssue(2, ImportReasons.TooLong, "promo_code"), Assert.Single(result.Dropped));
    }

    [Theory]
    [InlineData("", ImportErrorCodes.Empty)]
    [InlineData("phone;name\n", ImportErrorCodes.Empty)]
    [InlineData("\n\n  \n", ImportErrorCodes.Empty)]
    [InlineData("[]", ImportErrorCodes.Empty)]
    [InlineData("name,city\nIvan Petrov,Moscow\n", ImportErrorCodes.NoIdentifierColumn)]
    public async Task ImportAsync_NothingToImport_ReturnsError(string content, string code)
    {
        var result = await ImportTextAsync(content);

        Assert.Equal(code, result.Error?.Code);
        Assert.False(result.Success);
        Assert.Equal(Now, result.Source.ImportedAt);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_InvalidOptions_Throw()
    {
        var mapsField = new ImportOptions { Columns = new Dictionary<RecipientColumnRole, ImportColumn> { [RecipientColumnRole.Field] = ImportColumn.At(0) } };

        await Assert.ThrowsAsync<ArgumentException>(() => ImportTextAsync("@alice_b", new ImportOptions { MaxRows = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => ImportTextAsync("@alice_b", new ImportOptions { PhonePrefixes = ["+7x"] }));
        await Assert.ThrowsAsync<ArgumentException>(() => ImportTextAsync("@alice_b", new ImportOptions { FallbackEncoding = "no-such" }));
        await Assert.ThrowsAsync<ArgumentException>(() => ImportTextAsync("@alice_b", mapsField));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_Cancelled_Throws()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Phones(2)));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Importer().ImportAsync(stream, ImportFormat.Csv, cancellationToken: new CancellationToken(canceled: true)));
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
