using Herald.Core.Imports;

namespace Herald.Core.Tests.Imports;

public sealed class RecipientValuesTests
{
    [Theory]
    [InlineData("@Durov_x", "Durov_x")]
    [InlineData("durov_x", "durov_x")]
    [InlineData("https://t.me/durov_x", "durov_x")]
    [InlineData("HTTP://www.T.me/durov_x/", "durov_x")]
    [InlineData("t.me/durov_x?start=promo", "durov_x")]
    [InlineData("telegram.me/durov_x", "durov_x")]
    [InlineData("tg://resolve?domain=durov_bot&start=1", "durov_bot")]
    [InlineData("https://t.me/joinchat/AAAAAEkLi2Qq", null)]
    [InlineData("https://t.me/+AbCdEfGh", null)]
    [InlineData("https://t.me/addstickers/cats", null)]
    [InlineData("@1durov", null)]
    [InlineData("@_durov", null)]
    [InlineData("durov_", null)]
    [InlineData("@dur", null)]
    [InlineData("@durov-x", null)]
    [InlineData("@дуров_x", null)]
    [InlineData("@abcdefghijklmnopqrstuvwxyz0123456", null)]
    [InlineData("@abcdefghijklmnopqrstuvwxyz012345", "abcdefghijklmnopqrstuvwxyz012345")]
    public void Username_Value_NormalizesOrRejects(string value, string? expected) =>
        Assert.Equal(expected, RecipientValues.Username(value));

    [Theory]
    [InlineData("'+4915112345678", "+4915112345678")]
    [InlineData("'@alice_b", "@alice_b")]
    [InlineData("'=HYPERLINK(1)", "=HYPERLINK(1)")]
    [InlineData(" '-5 ", "-5")]
    [InlineData("'\tTabbed", "Tabbed")]
    [InlineData("'quoted'", "'quoted'")]
    [InlineData("''+49", "''+49")]
    [InlineData("'", "'")]
    public void Clean_FormulaGuardOfASafeExport_IsDropped(string value, string expected) =>
        Assert.Equal(expected, RecipientValues.Clean(value));

    [Theory]
    [InlineData("Username", RecipientColumnRole.Username)]
    [InlineData(" User-Name ", RecipientColumnRole.Username)]
    [InlineData("@", RecipientColumnRole.Username)]
    [InlineData("Telegram ID", RecipientColumnRole.UserId)]
    [InlineData("Номер телефона", RecipientColumnRole.Phone)]
    [InlineData("ТЕЛЕФОНЫ", RecipientColumnRole.Phone)]
    [InlineData("Phones", RecipientColumnRole.Phone)]
    [InlineData("ФИО", RecipientColumnRole.Name)]
    [InlineData("first_name", RecipientColumnRole.Name)]
    [InlineData("Контакты", RecipientColumnRole.Identifier)]
    [InlineData("promo_code", null)]
    [InlineData("Фамилия", null)]
    public void RoleOf_Header_MatchesAliases(string header, RecipientColumnRole? expected) =>
        Assert.Equal(expected, HeaderAliases.RoleOf(header));
}
