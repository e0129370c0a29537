using Herald.Host.Validation;

namespace Herald.Host.Tests.Validation;

public sealed class MarkupDetectorTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", MarkupKind.Script)]
    [InlineData("hello < script >", MarkupKind.Script)]
    [InlineData("</SCRIPT>", MarkupKind.Script)]
    [InlineData("＜script＞alert(1)", MarkupKind.Script)]
    [InlineData("<b>bold</b>", MarkupKind.HtmlTag)]
    [InlineData("<img src=x onerror=alert(1)>", MarkupKind.HtmlTag)]
    [InlineData("<a href='x'>link", MarkupKind.HtmlTag)]
    [InlineData("text <!-- comment -->", MarkupKind.HtmlTag)]
    [InlineData("</p", MarkupKind.HtmlTag)]
    [InlineData("<?xml version='1.0'?>", MarkupKind.HtmlTag)]
    [InlineData("&lt;img src=x&gt;", MarkupKind.EncodedTag)]
    [InlineData("&#60;svg onload=1&#62;", MarkupKind.EncodedTag)]
    [InlineData("&#x3C;b&#x3E;", MarkupKind.EncodedTag)]
    [InlineData("go to javascript:alert(1)", MarkupKind.ScriptUrl)]
    [InlineData("JAVA\tSCRIPT:alert(1)", MarkupKind.ScriptUrl)]
    [InlineData("java\nscript:void(0)", MarkupKind.ScriptUrl)]
    [InlineData("vbscript:msgbox", MarkupKind.ScriptUrl)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", MarkupKind.ScriptUrl)]
    public void Find_Markup_ReturnsKind(string text, MarkupKind expected)
    {
        Assert.Equal(expected, MarkupDetector.Find(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Hello, {name}! Your code is PROMO-42.")]
    [InlineData("a < b and b > c")]
    [InlineData("I <3 Herald")]
    [InlineData("5<6 is true")]
    [InlineData("Prices: 10 < 20 → save!")]
    [InlineData("JavaScript is a language; see https://example.com/js")]
    [InlineData("Fish & chips &amp; peas")]
    [InlineData("Привет! Скидка 10% до 31.12 🎉")]
    [InlineData("mailto:someone@example.com")]
    public void Find_PlainText_ReturnsNull(string? text)
    {
        Assert.Null(MarkupDetector.Find(text));
    }

    [Fact]
    public void NoMarkup_Markup_AddsClearFieldError()
    {
        var errors = new ValidationErrors().NoMarkup("message", "<script>x</script>");

        var messages = errors.ToDictionary()["message"];
        Assert.Contains("HTML and scripts are not allowed", Assert.Single(messages), StringComparison.Ordinal);
    }

    [Fact]
    public void MaxLength_TooLong_AddsErrorWithCounts()
    {
        var errors = new ValidationErrors().MaxLength("message", new string('a', 4097), 4096);

        Assert.Equal("Must be at most 4096 characters (has 4097).", Assert.Single(errors.ToDictionary()["message"]));
    }
}
