using System.Globalization;
using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.WhatsApp;

/// <summary>
/// Template problems the Cloud API would answer at the first send (132001 unknown, 132015/132016 paused or disabled,
/// 132000 parameter count) answered at a campaign's creation from the configured template definitions.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class WhatsAppTemplateChecksTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Recipients = """[{"phone":"+4917000000001","name":"Ann","fields":{"promo":"P1"}},{"phone":"+4917000000002","name":"Bob","fields":{"promo":"P2"}}]""";

    [Fact(Timeout = 60_000)]
    public async Task CreateCampaign_TemplateUnknownUnapprovedOrWrongParameterCount_AnswersProblemsNamingTheMessage()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            Template(o, 0, "spring_promo", "en_US", 2);
            Template(o, 1, "spring_promo", "de", 2);
            Template(o, 2, "paused_promo", "en_US", 0, "PAUSED");
        });
        var client = host.Client(EngineApiHost.NewTenant());
        await RegisterAsync(client);

        var unknown = await CreateAsync(client, "template:summer_promo:en_US:name,promo");
        var noTranslation = await CreateAsync(client, "template:spring_promo:fr:name,promo");
        var tooFew = await CreateAsync(client, "template:spring_promo:en_US:name");
        var paused = await CreateAsync(client, "template:paused_promo:en_US");
        var fine = await client.CreateCampaignAsync($$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:spring_promo:de:name,promo","recipients":{{Recipients}}}""");

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "template_error_132001");
        await noTranslation.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "has no fr translation (it has en_US, de)");
        await tooFew.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "takes 2 body parameter(s); the message gives 1 field(s)");
        await paused.AssertProblemAsync(HttpStatusCode.BadRequest, "message", "PAUSED, not APPROVED");
        Assert.DoesNotContain(fine.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("template", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = 60_000)]
    public async Task CreateCampaign_NoTemplateDefinitions_WarnsTheTemplateIsCheckedOnlyAtTheFirstSend()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());
        await RegisterAsync(client);

        var created = await client.CreateCampaignAsync($$"""{"platform":"whatsApp","actions":["botMessage"],"message":"template:spring_promo:en_US:name,promo","recipients":{{Recipients}}}""");

        Assert.Contains(created.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("'spring_promo' (en_US) is not checked before the start", StringComparison.Ordinal));
    }

    private static void Template(EngineApiOptions o, int index, string name, string language, int parameters, string status = "APPROVED")
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"Herald:Platforms:WhatsAppCloud:Templates:{index}:");
        o.Settings[key + "Name"] = name;
        o.Settings[key + "Language"] = language;
        o.Settings[key + "BodyParameters"] = parameters.ToString(CultureInfo.InvariantCulture);
        o.Settings[key + "Status"] = status;
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string message) =>
        client.PostJsonAsync("/api/campaigns", $$"""{"platform":"whatsApp","actions":["botMessage"],"message":"{{message}}","recipients":{{Recipients}}}""");

    private static async Task RegisterAsync(HttpClient client)
    {
        var number = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString(CultureInfo.InvariantCulture);
        var response = await client.PostJsonAsync("/api/accounts/whatsapp-numbers", $$$"""{"phoneNumberId":"{{{number}}}","accessToken":"EAAG-{{{number}}}"}""");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
