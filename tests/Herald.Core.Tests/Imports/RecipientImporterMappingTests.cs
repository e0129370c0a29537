using Herald.Core.Imports;
using static Herald.Core.Tests.Imports.ImportFixture;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientImporterMappingTests
{
    private const string Csv = "Клиент;Мобильный номер;Код\nИван;+79161234567;K1\nПётр;+79161234568;K2\n";

    private static ImportOptions Mapping(params (RecipientColumnRole Role, ImportColumn Column)[] columns) =>
        new() { Columns = columns.ToDictionary(c => c.Role, c => c.Column) };

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ExplicitMappingByNameAndIndex_UsesItAndKeepsOtherColumnsAsFields()
    {
        var options = Mapping((RecipientColumnRole.Phone, ImportColumn.Named("мобильный номер")), (RecipientColumnRole.Name, ImportColumn.At(0)));

        var result = await ImportTextAsync(Csv, options);

        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal(
            [new ImportColumnMapping(0, "Клиент", RecipientColumnRole.Name), new ImportColumnMapping(1, "Мобильный номер", RecipientColumnRole.Phone),
             new ImportColumnMapping(2, "Код", RecipientColumnRole.Field, "Код")],
            result.Columns);
        Assert.Equal([("Иван", "+79161234567", "K1"), ("Пётр", "+79161234568", "K2")],
            result.Recipients.Select(r => (r.Name!, r.Phone!, r.Fields!["Код"])));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ExplicitMappingOverridesHeaderNames()
    {
        // "id" would be a user id by name; the mapping says the list's id is a custom field and phones are in "contact".
        const string csv = "id,contact\nA-17,+79161234567\n";

        var result = await ImportTextAsync(csv, Mapping((RecipientColumnRole.Phone, ImportColumn.Named("contact"))));

        var r = Assert.Single(result.Recipients);
        Assert.Null(r.UserId);
        Assert.Equal("A-17", r.Fields!["id"]);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_ExplicitMappingWithoutIdentifier_ReturnsNoIdentifierColumn()
    {
        var result = await ImportTextAsync(Csv, Mapping((RecipientColumnRole.Name, ImportColumn.At(0))));

        Assert.Equal(ImportErrorCodes.NoIdentifierColumn, result.Error?.Code);
    }

    [Theory]
    [InlineData("Телефон", null, ImportErrorCodes.UnknownColumn)]
    [InlineData(null, 3, ImportErrorCodes.UnknownColumn)]
    [InlineData(null, 0, ImportErrorCodes.InvalidMapping)]
    public async Task ImportAsync_BadExplicitMapping_ReturnsError(string? name, int? index, string code)
    {
        var column = name is null ? ImportColumn.At(index!.Value) : ImportColumn.Named(name);
        var options = Mapping((RecipientColumnRole.Phone, column), (RecipientColumnRole.Name, ImportColumn.At(0)));

        var result = await ImportTextAsync(Csv, options);

        Assert.Equal(code, result.Error?.Code);
        Assert.Empty(result.Recipients);
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_HeaderForced_ReadsFirstRowAsHeaderEvenIfItLooksLikeData()
    {
        var detected = await ImportTextAsync("durov_x\nalice_b\n");
        var forced = await ImportTextAsync("durov_x\nalice_b\n", new ImportOptions { HasHeader = true });

        Assert.Equal(["durov_x", "alice_b"], detected.Recipients.Select(r => r.Username));
        Assert.Equal(["alice_b"], forced.Recipients.Select(r => r.Username));
    }

    [Fact(Timeout = 60_000)]
    public async Task ImportAsync_RepeatedAndBuiltInHeaderNames_BecomeUniqueFieldKeys()
    {
        const string csv = "phone,name,Name,promo code,promo code,\n+79161234567,Ann,Анна,P1,P2,extra\n";

        var result = await ImportTextAsync(csv);

        Assert.Equal(["Name_2", "promo_code", "promo_code_2", "column_6"], result.FieldNames);
        var r = Assert.Single(result.Recipients);
        Assert.Equal(("Ann", "Анна", "P2", "extra"), (r.Name, r.Fields!["Name_2"], r.Fields["promo_code_2"], r.Fields["column_6"]));
    }
}
