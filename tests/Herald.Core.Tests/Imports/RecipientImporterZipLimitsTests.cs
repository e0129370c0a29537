using Herald.Core.Imports;
using Herald.Testing.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterZipLimitsTests
{
    private const long BombSheetBytes = 80L * 1024 * 1024;

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxSheetInflatingPastEntryLimit_ReturnsInflatedTooLargeNamingTheLimit()
    {
        var bomb = RawXlsx.Bomb(BombSheetBytes);

        var result = await ImportBytesAsync(bomb, new ImportOptions { MinInflateRatio = 0.0001 });

        Assert.True(bomb.Length < 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        Assert.Equal(ImportErrorCodes.InflatedTooLarge, result.Error?.Code);
        Assert.Equal(nameof(ImportOptions.MaxZipEntryBytes), result.Error?.Limit);
        Assert.Empty(result.Recipients);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxCompressedMoreThanMinInflateRatio_ReturnsCompressionRatioNamingTheLimit()
    {
        var bomb = RawXlsx.Bomb(4L * 1024 * 1024);

        var result = await ImportBytesAsync(bomb);

        Assert.Equal(ImportErrorCodes.CompressionRatio, result.Error?.Code);
        Assert.Equal(nameof(ImportOptions.MinInflateRatio), result.Error?.Limit);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxDeclaringASmallerSizeThanItInflatesTo_IsRefusedWithoutInflatingIt()
    {
        var liar = RawXlsx.LieAboutSize(RawXlsx.Bomb(BombSheetBytes), declared: 1000);

        var result = await ImportBytesAsync(liar, new ImportOptions { MinInflateRatio = 0.0001 });

        // .NET stops inflating an entry at its declared size (a mismatch is damage); the guard's own count backs it up.
        Assert.Equal(ImportErrorCodes.UnreadableFile, result.Error?.Code);
        Assert.Empty(result.Recipients);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_XlsxPastTheTotalBudget_ReturnsInflatedTooLarge()
    {
        var bomb = RawXlsx.Bomb(3L * 1024 * 1024);

        var result = await ImportBytesAsync(bomb, new ImportOptions { MinInflateRatio = 0.0001, MaxInflatedBytes = 2L * 1024 * 1024 });

        Assert.Equal(ImportErrorCodes.InflatedTooLarge, result.Error?.Code);
        Assert.Equal(nameof(ImportOptions.MaxInflatedBytes), result.Error?.Limit);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_OrdinaryWorkbookWithinLimits_IsRead()
    {
        var bytes = new XlsxBuilder().Sheet("List", ["phone"], [79161234567L]).Build();

        var result = await ImportBytesAsync(bytes, new ImportOptions { MaxZipEntryBytes = 64 * 1024, MaxInflatedBytes = 128 * 1024 });

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("+79161234567", Assert.Single(result.Recipients).Phone);
    }

    [Theory]
    [InlineData(0L, 1L, 0.01)]
    [InlineData(1L, 0L, 0.01)]
    [InlineData(1L, 1L, 0.0)]
    [InlineData(1L, 1L, 1.5)]
    public void Validate_BadZipLimits_ReportsThem(long entry, long total, double ratio)
    {
        var options = new ImportOptions { MaxZipEntryBytes = entry, MaxInflatedBytes = total, MinInflateRatio = ratio };

        Assert.NotEmpty(options.Validate());
    }
}
