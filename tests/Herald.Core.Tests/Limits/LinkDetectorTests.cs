
namespace Herald.Core.Tests.Limits;

public sealed class LinkDetectorTests
{
    [Theory(Timeout = 10_000)]
    [InlineData("See https://example.io/offer")]
    [InlineData("Join t.me/herald_news today")]
    [InlineData("telegram.me/joinchat/abc")]
    [InlineData("www.shop-site.example.org")]
    [InlineData("Visit example.com/page")]
    [InlineData("Follow @herald_channel for news")]
    [InlineData("tg://resolve?domain=herald")]
    [InlineData("Наш сайт пример.рф")]
    [InlineData("Write to team@example.com")]
    public Task ContainsLink_Links_True(string text) => Bounded.Run(() => Assert.True(LinkDetector.ContainsLink(text)));

    [Theory(Timeout = 10_000)]
    [InlineData("Hello, Anna! Your code is ABC-123.")]
    [InlineData("The price is 3.50 EUR, e.g. cheaper than before.")]
    [InlineData("Meet at 5 p.m. tomorrow")]
    [InlineData("a@b")]
    [InlineData("")]
    [InlineData(null)]
    public Task ContainsLink_PlainText_False(string? text) => Bounded.Run(() => Assert.False(LinkDetector.ContainsLink(text)));
}
