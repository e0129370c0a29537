using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

/// <summary>Phones in imported lists, read with a Russian default region (issue 15).</summary>
public sealed class RecipientImporterPhoneTests
{
    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_InternationalDigitsWithoutPlus_KeepTheirOwnCountry()
    {
        var result = await ImportTextAsync("phone\n44 7400 123456\n8 916 123-45-67\n");

        Assert.Equal(["+447400123456", "+79161234567"], result.Recipients.Select(r => r.Phone));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_NumberNotValidForItsCountry_DroppedAsInvalidPhone()
    {
        var result = await ImportTextAsync("phone\n+7 000 000-00-00\n+49 151 1234 5678\n");

        Assert.Equal("+4915112345678", Assert.Single(result.Recipients).Phone);
        Assert.Equal(new ImportIssue(2, ImportReasons.InvalidPhone, "phone"), Assert.Single(result.Dropped));
    }
}
