using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientListValidatorTests
{
    [Fact]
    public void Validate_InlineList_NormalizesDedupesAndReportsLikeAnImport()
    {
        RecipientInput[] inputs =
        [
            new(Username: "https://t.me/alice_b", Name: " Alice ", Fields: new Dictionary<string, string> { ["promo code"] = "P1" }),
            new(Phone: "8 916 123-45-67", Fields: new Dictionary<string, string> { ["Promo Code"] = "P2" }),
            new(Username: "@Alice_B"),
            new(UserId: -5),
            new(Name: "Nobody"),
            new(UserId: 123456789, Phone: "garbage"),
        ];

        var result = Validator().Validate(inputs, new ImportOptions { FileName = "request", SourceKind = RecipientSourceKind.File });

        Assert.True(result.Success);
        Assert.Equal([("alice_b", null, null, "P1"), (null, null, "+79161234567", "P2"), (null, (long?)123456789, (string?)null, (string?)null)],
            result.Recipients.Select(r => (r.Username, r.UserId, r.Phone, r.Fields?.GetValueOrDefault("promo_code"))));
        Assert.Equal("Alice", result.Recipients[0].Name);
        Assert.Equal(
            [new ImportIssue(3, ImportReasons.Duplicate), new ImportIssue(4, ImportReasons.InvalidUserId, "user_id"), new ImportIssue(5, ImportReasons.NoIdentifier)],
            result.Dropped);
        Assert.Equal([new ImportIssue(6, ImportReasons.InvalidPhone, "phone")], result.IgnoredValues);
        Assert.Equal(["promo_code"], result.FieldNames);
        Assert.Equal(new RecipientSource(RecipientSourceKind.Api, "request", Now, 6, 3), result.Source);
        AssertNoValuesInReport(result, "916 123-45-67", "79161234567", "123456789", "alice_b", "Nobody", "garbage");
    }

    [Fact]
    public void Validate_TooManyOrNone_ReturnsError()
    {
        var validator = Validator();

        var tooMany = validator.Validate([new(Username: "alice_b"), new(Username: "bob_smith")], new ImportOptions { MaxRows = 1 });
        var none = validator.Validate([]);

        Assert.Equal(ImportErrorCodes.TooManyRows, tooMany.Error?.Code);
        Assert.Equal(ImportErrorCodes.Empty, none.Error?.Code);
    }

    [Fact]
    public void Validate_PhonePrefixes_DropOtherCountries()
    {
        var result = Validator().Validate([new(Phone: "+49 151 1234 5678"), new(Phone: "+7 916 123 45 67")], new ImportOptions { PhonePrefixes = ["+49"] });

        Assert.Equal("+4915112345678", Assert.Single(result.Recipients).Phone);
        Assert.Equal(new ImportIssue(2, ImportReasons.Segment, "phone"), Assert.Single(result.Dropped));
    }
}
