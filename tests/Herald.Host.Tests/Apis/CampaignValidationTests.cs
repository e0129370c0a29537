using System.Net;
using System.Text;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class CampaignValidationTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    // Bodies are written with ' for " to stay readable.
    private const string Valid = "'actions':['botMessage'],'message':'Hi {{name}}','recipients':[{'userId':1,'name':'A'}]";

    private static string Q(string body) => body.Replace('\'', '"');

    private static string With(string extra) => Q("{" + Valid + "," + extra + "}");

    public static IEnumerable<(string Name, string Body, HttpStatusCode Status, string? Field, string? Message)> Cases()
    {
        var tooMany = string.Join(',', Enumerable.Range(1, 6).Select(i => "{'userId':" + i + "}"));
        var farStart = TimeProvider.System.GetUtcNow().AddYears(2).ToString("O");
        yield return ("unknown field", With("'colour':'red'"), HttpStatusCode.BadRequest, "colour", "Unknown field.");
        yield return ("missing actions", Q("{'message':'Hi','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "actions", "Required field is missing.");
        yield return ("bad action", Q("{'actions':['fax'],'message':'Hi','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "actions[0]", "expected one of invite, addContact, personalMessage, botMessage");
        yield return ("bad delivery mode", With("'deliveryMode':'sometimes'"), HttpStatusCode.BadRequest, "deliveryMode", "expected one of atMostOnce, atLeastOnce");
        yield return ("string for bool", With("'dryRun':'yes'"), HttpStatusCode.BadRequest, "dryRun", "true or false");
        yield return ("string user id", Q("{'actions':['botMessage'],'message':'Hi','recipients':[{'userId':'12'}]}"), HttpStatusCode.BadRequest, "recipients[0].userId", "whole number");
        yield return ("malformed", Q("{'actions':['botMessage'],"), HttpStatusCode.BadRequest, null, null);
        yield return ("over the platform limit", Q("{'actions':['botMessage'],'message':'" + new string('a', 4097) + "','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "the platform allows 4096");
        yield return ("script", Q("{'actions':['botMessage'],'message':'<script>alert(1)</script>','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "<script>");
        yield return ("html", Q("{'actions':['botMessage'],'message':'Hi <b>you</b>','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "HTML tag");
        yield return ("unknown template field", Q("{'actions':['botMessage'],'message':'Code {{promo}}','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "Unknown field '{{promo}}' at position 5");
        yield return ("broken template", Q("{'actions':['botMessage'],'message':'Hi {{name','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "Unbalanced brace");
        yield return ("no message", Q("{'actions':['botMessage'],'recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "message", "Required for message actions.");
        yield return ("bad zone", With("'timeWindow':{'start':'09:00','end':'18:00','timeZone':'Mars/Olympus'}"), HttpStatusCode.BadRequest, "timeWindow.timeZone", "Unknown time zone");
        yield return ("bad window time", With("'timeWindow':{'start':'9am','end':'18:00','timeZone':'UTC'}"), HttpStatusCode.BadRequest, "timeWindow.start", "HH:mm");
        yield return ("bad day", With("'timeWindow':{'start':'09:00','end':'18:00','timeZone':'UTC','days':['someday']}"), HttpStatusCode.BadRequest, "timeWindow.days[0]", "expected one of");
        yield return ("both lists", Q("{'actions':['botMessage'],'message':'Hi','recipients':[{'userId':1}],'importId':'abc'}"), HttpStatusCode.BadRequest, "importId", "not both");
        yield return ("no list", Q("{'actions':['botMessage'],'message':'Hi'}"), HttpStatusCode.BadRequest, "recipients", "Required");
        yield return ("unknown import", Q("{'actions':['botMessage'],'message':'Hi','importId':'0123456789abcdef0123456789abcdef'}"), HttpStatusCode.BadRequest, "importId", "No import with this id.");
        yield return ("unknown accounts", With("'accounts':['nope-1','nope-2']"), HttpStatusCode.BadRequest, "accounts", "Unknown accounts: nope-1, nope-2.");
        yield return ("too many inline", Q("{'actions':['botMessage'],'message':'Hi','recipients':[" + tooMany + "]}"), HttpStatusCode.BadRequest, "recipients", "At most 5 recipients inline");
        yield return ("all dropped", Q("{'actions':['botMessage'],'message':'Hi','recipients':[{'username':'x'},{'name':'nobody'}]}"), HttpStatusCode.BadRequest, "recipients", "No usable recipient");
        yield return ("invite without chat", Q("{'actions':['invite'],'recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "targetChat", "Must not be empty.");
        yield return ("mixed kinds", Q("{'actions':['botMessage','personalMessage'],'message':'Hi','recipients':[{'userId':1}]}"), HttpStatusCode.BadRequest, "actions", "one kind of account");
        yield return ("priority", With("'priority':1000"), HttpStatusCode.BadRequest, "priority", "-100 to 100");
        yield return ("far start", With("'startAt':'" + farStart + "'"), HttpStatusCode.BadRequest, "startAt", "366 days");
        yield return ("script url button", With("'inlineKeyboard':[[{'text':'Go','url':'javascript:alert(1)'}]]"), HttpStatusCode.BadRequest, "inlineKeyboard[0][0].url", "absolute https");
        yield return ("button without action", With("'inlineKeyboard':[[{'text':'Go'}]]"), HttpStatusCode.BadRequest, "inlineKeyboard[0][0]", "exactly one of url and callbackData");
        yield return ("markup name", With("'name':'<img src=x onerror=alert(1)>'"), HttpStatusCode.BadRequest, "name", "HTML tag");
        yield return ("null recipient", Q("{'actions':['botMessage'],'message':'Hi','recipients':[{'userId':1},null]}"), HttpStatusCode.BadRequest, "recipients[1]", "Must not be null.");
        yield return ("null button", With("'inlineKeyboard':[[null]]"), HttpStatusCode.BadRequest, "inlineKeyboard[0]", "without nulls");
        yield return ("oversize body", With("'name':'" + new string('n', 70_000) + "'"), HttpStatusCode.RequestEntityTooLarge, null, null);
    }

    [Fact(Timeout = 60_000)]
    public async Task Create_BadInputs_EachAnswersProblemNamingTheField()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Api:MaxInlineRecipients"] = "5";
            o.Settings["Herald:Api:MaxJsonBodyBytes"] = "65536";
        });
        var client = host.Client(EngineApiHost.NewTenant());

        foreach (var (name, body, status, field, message) in Cases())
        {
            output.WriteLine($"case: {name}");
            await (await client.PostJsonAsync("/api/campaigns", body)).AssertProblemAsync(status, field, message);
        }

        var wrongType = await client.PostAsync("/api/campaigns", new StringContent(Q("{" + Valid + "}"), Encoding.UTF8, "text/plain"));
        await wrongType.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var list = await (await client.GetAsync("/api/campaigns")).ReadJsonAsync();
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        await client.CreateCampaignAsync(Q("{" + Valid + "}"));
    }
}
