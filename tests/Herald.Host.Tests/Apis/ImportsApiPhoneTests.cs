using System.Net;
using System.Text;
using Herald.Core.Domain;
using Herald.Engine.Suppression;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

/// <summary>The default region of phone numbers: per upload (<c>?region=</c>) and from <c>Herald:Phones:DefaultRegion</c> (issue 15).</summary>
[Collection(ApiAzuriteCollection.Name)]
public sealed class ImportsApiPhoneTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Upload_RegionParameter_ReadsNationalNumbersAndCountsThemByCountry()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        var response = await client.PostAsync("/api/imports?region=RU", CsvBody("phone\n8 999 123-45-67\n44 7400 123456\n"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var import = await response.ReadJsonAsync();
        Assert.Equal(2, import.GetProperty("recipients").GetInt32());
        Assert.Empty(import.GetProperty("droppedRows").EnumerateArray());
        Assert.Equal([("GB", 1), ("RU", 1)], import.GetProperty("countries").EnumerateArray().Select(c => (c.Str("region"), c.GetProperty("count").GetInt32())));
    }

    [Fact(Timeout = 60_000)]
    public async Task Upload_UnknownRegion_AnswersProblemNamingRegion()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Client(EngineApiHost.NewTenant());

        await (await client.PostAsync("/api/imports?region=XX", CsvBody("phone\n8 999 123-45-67\n"))).AssertProblemAsync(HttpStatusCode.BadRequest, "region");
    }

    [Fact(Timeout = 60_000)]
    public async Task Suppress_InlineNationalPhone_ReadWithTheConfiguredDefaultRegion()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Workers = false;
            o.Settings["Herald:Phones:DefaultRegion"] = "RU";
        });
        var client = host.Client(EngineApiHost.NewTenant());

        var response = await client.PostJsonAsync("/api/suppressions", """{"recipients":[{"phone":"8 916 123-45-67"}],"reason":"asked_to_stop"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var added = Assert.Single((await response.ReadJsonAsync()).GetProperty("added").EnumerateArray());
        Assert.Equal(SuppressionStore.HashOf(new Recipient(Phone: "+79161234567")), added.Str("hash"));
    }

    private static StringContent CsvBody(string text) => new(text, Encoding.UTF8, "text/csv");
}
