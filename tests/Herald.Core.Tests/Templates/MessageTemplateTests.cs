using Herald.Core.Templates;

namespace Herald.Core.Tests.Templates;

public sealed class MessageTemplateTests
{
    private static Recipient Anna => new(Username: "anna", Name: "Anna", Fields: new Dictionary<string, string> { ["Promo_Code"] = "SPRING-42" });

    [Fact(Timeout = 10_000)]
    public Task Render_SingleOptionBraces_StayLiteralForPlatformPlaceholders() => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create("Hi {{name}}, {join|come in}: {invite_link}");

        var text = template.Render(Anna).Text!;

        Assert.EndsWith(": {invite_link}", text, StringComparison.Ordinal);
        Assert.Equal(2, template.VariantCount);
    });

    [Fact(Timeout = 10_000)]
    public Task Render_FieldsAndVariants() => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create("{Hi|Hello} {{name}}, your code: {{promo_code}}", ["promo_code"]);

        var text = template.Render(Anna).Text;

        Assert.True(text is "Hi Anna, your code: SPRING-42" or "Hello Anna, your code: SPRING-42", text);
        Assert.Equal(2, template.VariantCount);
        Assert.Equal(["name", "promo_code"], template.Fields);
    });

    [Fact(Timeout = 10_000)]
    public Task Render_SameRecipientSameTextDifferentRecipientsVary() => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create("{Hi|Hello|Hey} {{name|friend}}{!|.|!!} {Welcome|Glad to see you}");
        var recipients = Enumerable.Range(0, 200).Select(i => new Recipient(UserId: 1000 + i)).ToList();

        var texts = recipients.Select(r => template.Render(r).Text).ToList();

        Assert.Equal(texts, recipients.Select(r => template.Render(r).Text));
        Assert.True(texts.Distinct().Count() >= 12, $"{texts.Distinct().Count()} distinct texts");
        Assert.All(texts, t => Assert.Contains("friend", t!, StringComparison.Ordinal));
        Assert.Equal(18, template.VariantCount);
    });

    [Fact(Timeout = 10_000)]
    public Task Render_NestedVariantsAndEscapes() => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create(@"{a {b|c}|d} \{literal\} a\|b | bar");

        var texts = Enumerable.Range(0, 100).Select(i => template.Render(new Recipient(UserId: i)).Text!.Split(' ')[0]).ToHashSet();

        Assert.Equal(3, template.VariantCount);
        Assert.Subset(new HashSet<string> { "a", "d" }, texts);
        Assert.EndsWith("{literal} a|b | bar", template.Render(new Recipient(UserId: 1)).Text, StringComparison.Ordinal);
    });

    [Theory(Timeout = 10_000)]
    [InlineData("Hello {{name", 6, "not closed")]
    [InlineData("Hello {there|you", 6, "not closed")]
    [InlineData("Hello there}", 11, "closes nothing")]
    [InlineData("Hi {{ }}", 3, "Bad field name")]
    [InlineData("", 0, "empty")]
    public Task Parse_BadTemplate_ClearErrorWithPosition(string text, int position, string message) => Bounded.Run(() =>
    {
        var result = MessageTemplate.Parse(text);

        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task Parse_UnknownField_NamesItAndTheKnownOnes() => Bounded.Run(() =>
    {
        var result = MessageTemplate.Parse("Hi {{name}}, code {{promo}}", ["promo_code"]);

        var error = Assert.Single(result.Errors);
        Assert.Contains("'{{promo}}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("promo_code", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => MessageTemplate.Create("Hi {{promo}}", []));
    });

    [Fact(Timeout = 10_000)]
    public Task Render_MissingValueWithoutDefault_ErrorWithoutRecipientData() => Bounded.Run(() =>
    {
        var result = MessageTemplate.Create("Code {{promo_code}}").Render(new Recipient(Username: "secret_user", Phone: "+491701234567"));

        Assert.False(result.Success);
        Assert.Contains("promo_code", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret_user", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("4917", result.Error, StringComparison.Ordinal);
    });

    [Theory(Timeout = 10_000)]
    [InlineData("Hi {{name|there}}!", "Hi there!")]
    [InlineData("Hi{{name|}}!", "Hi!")]
    [InlineData(@"Hi {{name|dear \{friend\} a|b \\ c}}!", @"Hi dear {friend} a|b \ c!")]
    [InlineData(@"{Hi|Hi} {{name|a\|b}}", "Hi a|b")]
    public Task Render_FieldWithoutValue_UsesItsFallbackWithTheUsualEscapes(string text, string expected) => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create(text);

        Assert.Equal(expected, template.Render(new Recipient(UserId: 5)).Text);
        Assert.Contains("Ann", template.Render(new Recipient(UserId: 5, Name: "Ann")).Text, StringComparison.Ordinal);
        Assert.Empty(template.MissingFields(new Recipient(UserId: 5)));
    });

    [Fact(Timeout = 10_000)]
    public Task MissingFields_NamesWhatRenderFailsOn_OnlyInTheRecipientsVariant() => Bounded.Run(() =>
    {
        var template = MessageTemplate.Create("{Hi {{name}}|Hello {{name|you}}}, code {{promo_code}} {{promo_code}}", ["promo_code"]);
        var recipients = Enumerable.Range(0, 60).Select(i => new Recipient(UserId: 100 + i)).ToList();

        var missing = recipients.Select(template.MissingFields).ToList();

        Assert.All(missing, m => Assert.Equal("promo_code", m[^1]));
        Assert.Contains(missing, m => m.SequenceEqual(["name", "promo_code"]));
        Assert.Contains(missing, m => m.SequenceEqual(["promo_code"]));
        Assert.All(recipients.Zip(missing), p => Assert.Equal(p.Second.Contains("name"), template.Render(p.First).Error!.Contains("'name'", StringComparison.Ordinal)));
        Assert.Empty(template.MissingFields(new Recipient(UserId: 1, Name: "Ann", Fields: new Dictionary<string, string> { ["PROMO_CODE"] = "X" })));
    });

    [Fact(Timeout = 10_000)]
    public Task Length_PlatformLimit_CheckedAtParseAndRender() => Bounded.Run(() =>
    {
        var instagram = PlatformLimits.Default.For(PlatformKind.Instagram, AccountKind.User).MaxMessageLength;
        var longText = new string('x', 990);

        Assert.Contains("1001 characters", Assert.Single(MessageTemplate.Parse("{short|" + longText + "abcdefghijk}", maxLength: instagram).Errors).Message, StringComparison.Ordinal);
        var template = MessageTemplate.Create(longText + " {{promo_code}}", maxLength: instagram);
        Assert.True(template.Render(new Recipient(UserId: 1, Fields: new Dictionary<string, string> { ["promo_code"] = "ABC" }), instagram).Success);
        var tooLong = template.Render(new Recipient(UserId: 1, Fields: new Dictionary<string, string> { ["promo_code"] = new string('y', 20) }), instagram);
        Assert.Contains("allows 1000", tooLong.Error, StringComparison.Ordinal);
    });

    [Fact(Timeout = 10_000)]
    public Task MayContainLinks_DetectsLinksInAnyVariant() => Bounded.Run(() =>
    {
        Assert.True(MessageTemplate.Create("{Hi|See t.me/herald} {{name}}").MayContainLinks);
        Assert.False(MessageTemplate.Create("{Hi|Hello} {{name}}").MayContainLinks);
    });
}
