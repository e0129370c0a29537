using System.Diagnostics;
using Herald.Host.Tests.Infrastructure;
using Herald.Host.Tracing;
using Herald.Testing;
using OpenTelemetry.Trace;

namespace Herald.Host.Tests.Tracing;

/// <summary>OpenTelemetry traces of the real host: Bot API calls (to the simulator) are recorded without the bot token.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TracingTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Traces_BotRegisteredThroughGetMe_SpansKeepTheBotIdButNeverTheToken()
    {
        var spans = new List<Activity>();
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Tracing:Enabled"] = "true";
            o.Services = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
        });
        var token = EngineApiHost.NewBotToken();
        var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
        using var api = host.Client(EngineApiHost.NewTenant("trace"));

        await api.RegisterBotAsync(token);

        List<string> recorded;
        lock (spans)
        {
            recorded = [.. spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Key}={t.Value}").Append("name=" + s.DisplayName))];
        }

        output.WriteLine(string.Join("\n", recorded.Where(r => r.Contains("/bot", StringComparison.Ordinal))));
        Assert.Contains(recorded, r => r.StartsWith("url.full=", StringComparison.Ordinal)
            && r.EndsWith($"/bot{EngineApiHost.BotIdOf(token)}:{BotTokenRedactor.Redacted}/getMe", StringComparison.Ordinal));
        Assert.DoesNotContain(recorded, r => r.Contains(secret, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5/bot123456:AAH-x_y/sendMessage", "http://127.0.0.1:5/bot123456:<redacted>/sendMessage")]
    [InlineData("POST /bot42:ab%2Fc/getMe", "POST /bot42:<redacted>/getMe")]
    [InlineData("/api/accounts/telegram-bots", "/api/accounts/telegram-bots")]
    public void Redact_BotApiUrls_SecretReplacedBotIdKept(string text, string expected) =>
        Assert.Equal(expected, BotTokenRedactor.Redact(text));
}
