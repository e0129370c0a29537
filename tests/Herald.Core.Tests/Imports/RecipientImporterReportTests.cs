using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterReportTests
{
    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_DuplicatesAndGarbage_AreDroppedWithRowReasonAndColumnButNoValues()
    {
        const string csv = """
            username,phone,name,promo_code
            @alice_b,+79161234567,Alice,A1
            ALICE_B,,Alice again,A2
            ,8 916 123-45-67,Same phone,A3
            @1badname,,Bad,A4
            ,+7 12,Short,A5
            ,,Nobody,A6
            @carol_c,not a phone,Carol,A7
            t.me/joinchat/AAAAAEkLi2Qq,,Invite,A8
            """;

        var result = await ImportTextAsync(csv);

        Assert.Equal(
            [
                new ImportIssue(3, ImportReasons.Duplicate),
                new ImportIssue(4, ImportReasons.Duplicate),
                new ImportIssue(5, ImportReasons.InvalidUsername, "username"),
                new ImportIssue(6, ImportReasons.InvalidPhone, "phone"),
                new ImportIssue(7, ImportReasons.NoIdentifier),
                new ImportIssue(9, ImportReasons.InvalidUsername, "username"),
            ],
            result.Dropped);
        Assert.Equal([new ImportIssue(8, ImportReasons.InvalidPhone, "phone")], result.IgnoredValues);
        Assert.Equal(["alice_b", "carol_c"], result.Recipients.Select(r => r.Username));
        Assert.Equal(2, result.DroppedCounts[ImportReasons.Duplicate]);
        Assert.Equal(2, result.DroppedCounts[ImportReasons.InvalidUsername]);
        Assert.Equal(1, result.DroppedCounts[ImportReasons.NoIdentifier]);
        Assert.Equal(8, result.Source.RowCount);
        AssertNoValuesInReport(result, "79161234567", "916 123-45-67", "1badname", "alice_b", "carol_c", "not a phone", "AAAAAEkLi2Qq", "Nobody");
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_SameIdentifierInAnotherCombination_IsADuplicate()
    {
        const string csv = "user_id,username\n555000111,@alice_b\n,alice_b\n555000111,\n777000111,@bob_smith\n";

        var result = await ImportTextAsync(csv);

        Assert.Equal([555000111L, 777000111L], result.Recipients.Select(r => r.UserId!.Value));
        Assert.Equal([3, 4], result.Dropped.Where(d => d.Reason == ImportReasons.Duplicate).Select(d => d.Row));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_SingleColumnOfMixedValues_ReadsEachValueByShape()
    {
        const string csv = """
            @alice_b
            +7 916 123 45 67
            bob_smith
            https://t.me/carol_c/
            12345
            9161234568
            x!
            +7 123
            """;

        var result = await ImportTextAsync(csv);

        Assert.False(result.HasHeader);
        Assert.Equal(RecipientColumnRole.Identifier, Assert.Single(result.Columns).Role);
        Assert.Equal(
            [("alice_b", null, null), (null, null, "+79161234567"), ("bob_smith", null, null), ("carol_c", null, null),
             (null, 12345L, null), (null, (long?)null, "+79161234568")],
            result.Recipients.Select(r => (r.Username, r.UserId, r.Phone)));
        Assert.Equal([new ImportIssue(7, ImportReasons.InvalidUsername, "#1"), new ImportIssue(8, ImportReasons.InvalidPhone, "#1")], result.Dropped);

        // "9161234568" could be a user id too: counted, so the operator can be asked.
        Assert.Equal(1, result.AmbiguousDigits);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_DigitsPreferUserId_ReadsBareDigitsAsIds()
    {
        var result = await ImportTextAsync("9161234568\n89161234567\n0049301234567\n", new ImportOptions { DigitsAs = DigitsPreference.UserId });

        Assert.Equal([(9161234568L, null), (89161234567L, null), (null, (string?)"+49301234567")], result.Recipients.Select(r => (r.UserId, r.Phone)));
        Assert.Equal(2, result.AmbiguousDigits);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_PhonePrefixes_KeepOnlyThatSegment()
    {
        const string csv = "phone,username\n+79161234567,\n+4915112345678,\n,@alice_b\n+79161234568,@bob_smith\n";

        var result = await ImportTextAsync(csv, new ImportOptions { PhonePrefixes = ["7"] });

        Assert.Equal(["+79161234567", "+79161234568"], result.Recipients.Select(r => r.Phone));
        Assert.Equal([new ImportIssue(3, ImportReasons.Segment, "phone"), new ImportIssue(4, ImportReasons.Segment)], result.Dropped);
        Assert.Equal(2, result.DroppedCounts[ImportReasons.Segment]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ListPhoneOptions_OverrideTheDefaultRegion()
    {
        var options = new ImportOptions { Phones = new() { DefaultRegion = "DE" } };

        var result = await ImportTextAsync("phone\n0151 1234 5678\n", options);

        Assert.Equal("+4915112345678", Assert.Single(result.Recipients).Phone);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ControlAndInvisibleCharacters_AreDropped()
    {
        var result = await ImportTextAsync("username,name\n\u200B@alice_b\u200E,\u0007Ann\u202E  Lee \n");

        var r = Assert.Single(result.Recipients);
        Assert.Equal(("alice_b", "Ann Lee"), (r.Username, r.Name));
    }
}
