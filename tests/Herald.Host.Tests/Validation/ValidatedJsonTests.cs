using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.Validation;

public sealed class ValidatedJsonFixture : IAsyncLifetime
{
    public const int MaxBodyBytes = 2048;

    public ValidationTestApi Api { get; } = new();

    public ApiTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await ApiTestHost.StartAsync(
            app => Api.Map(app),
            new Dictionary<string, string?> { ["Herald:Api:MaxJsonBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class ValidatedJsonTests : IClassFixture<ValidatedJsonFixture>
{
    private const string Path = "/test/campaigns";
    private readonly ValidatedJsonFixture _fixture;
    private readonly HttpClient _client;

    public ValidatedJsonTests(ValidatedJsonFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _fixture.Host.Logs.Output = output;
        _client = fixture.Host.CreateAuthenticatedClient("tenant-v");
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_ValidBody_HandlerSeesValueAndTenant()
    {
        var response = await PostJsonAsync("""{"name":"Spring","channel":"telegramBot","steps":[{"channel":"email","text":"hi"}],"window":{"from":"09:00:00","to":"18:00:00"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("tenant-v", body.GetProperty("tenantId").GetString());
        Assert.Equal("Spring", body.GetProperty("name").GetString());
        Assert.Equal("telegramBot", body.GetProperty("channel").GetString());
        Assert.Equal(1, body.GetProperty("steps").GetInt32());
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { """{"name":"a","channel":"email","extra":1}""", "extra", "Unknown field." },
        { """{"name":"a","channel":"email","Name":"b"}""", "Name", "Unknown field." },
        { """{"name":"a","channel":"email","steps":[{"channel":"email"},{"channel":"email","zz":2}]}""", "steps[1].zz", "Unknown field." },
        { """{"name":"a","channel":"fax"}""", "channel", "expected one of telegramBot, whatsApp, email" },
        { """{"name":"a","channel":2}""", "channel", "expected one of telegramBot, whatsApp, email" },
        { """{"name":"a","channel":"email","steps":[{"channel":"pigeon"}]}""", "steps[0].channel", "expected one of" },
        { """{"channel":"email"}""", "name", "Required field is missing." },
        { """{"name":"a","channel":"email","window":{"from":"09:00:00"}}""", "window.to", "Required field is missing." },
        { """{"name":null,"channel":"email"}""", "name", "Must not be null." },
        { """{"name":"a","name":"b","channel":"email"}""", "name", "Field appears more than once." },
        { """{"name":"a","channel":"email","steps":[{"channel":"email","delaySeconds":"5"}]}""", "steps[0].delaySeconds", "expected a whole number" },
        { """{"name":"a","channel":"email","window":{"from":"soon","to":"18:00:00"}}""", "window.from", "expected a duration" },
        { """{"name":"a","channel":"email",}""", "$", "Malformed JSON at line 1" },
        { "{\"name\":\"a\",\n\"channel\" \"email\"}", "$", "Malformed JSON at line 2" },
        { """[1,2]""", "$", "expected an object" },
        { """null""", "$", "A JSON object is required." },
        { "", "$", "A JSON object is required." },
        { """{"name":"   ","channel":"email"}""", "name", "Must not be empty." },
        { """{"name":"a","channel":"email","message":"Hi <script>alert(1)</script>"}""", "message", "found a <script> tag" },
        { """{"name":"a","channel":"email","message":"<b>bold</b>"}""", "message", "found an HTML tag" },
        { """{"name":"a","channel":"email","message":"click javascript:alert(1)"}""", "message", "script URL" },
        { """{"name":"a","channel":"email","steps":[{"channel":"email","text":"<img src=x onerror=alert(1)>"}]}""", "steps[0].text", "HTML tag" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(BadBodies))]
    public async Task Post_BadBody_Returns400NamingTheField(string json, string field, string message)
    {
        var callsBefore = _fixture.Api.HandlerCalls;

        var response = await PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("System.", errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(callsBefore, _fixture.Api.HandlerCalls);
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_MissingSeveralRequiredFields_NamesEach()
    {
        var response = await PostJsonAsync("{}");

        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("channel", out _));
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_BodyOverLimitWithContentLength_Returns413Problem()
    {
        var json = $$"""{"name":"a","channel":"email","message":"{{new string('x', ValidatedJsonFixture.MaxBodyBytes)}}"}""";

        var response = await PostJsonAsync(json);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_ChunkedBodyOverLimit_Returns413Problem()
    {
        var json = $$"""{"name":"a","channel":"email","message":"{{new string('x', ValidatedJsonFixture.MaxBodyBytes)}}"}""";
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await _client.PostAsync(Path, content);

        Assert.Null(content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_BodyJustUnderLimit_Accepted()
    {
        const string Prefix = "{\"name\":\"a\",\"channel\":\"email\",\"message\":\"";
        var json = Prefix + new string('x', ValidatedJsonFixture.MaxBodyBytes - Prefix.Length - 2) + "\"}";

        var response = await PostJsonAsync(json);

        Assert.Equal(ValidatedJsonFixture.MaxBodyBytes, Encoding.UTF8.GetByteCount(json));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_BodyOneByteOverLimit_Returns413()
    {
        const string Prefix = "{\"name\":\"a\",\"channel\":\"email\",\"message\":\"";
        var json = Prefix + new string('x', ValidatedJsonFixture.MaxBodyBytes - Prefix.Length - 1) + "\"}";

        var response = await PostJsonAsync(json);

        Assert.Equal(ValidatedJsonFixture.MaxBodyBytes + 1, Encoding.UTF8.GetByteCount(json));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData(null)]
    public async Task Post_WrongContentType_Returns415Problem(string? contentType)
    {
        var content = new ByteArrayContent("""{"name":"a","channel":"email"}"""u8.ToArray());
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var response = await _client.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, (await response.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_JsonSuffixContentType_Accepted()
    {
        var content = new StringContent("""{"name":"a","channel":"email"}""", Encoding.UTF8, "application/merge-patch+json");

        var response = await _client.PostAsync(Path, content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Post_Unauthenticated_Returns401WithoutReadingBody()
    {
        var callsBefore = _fixture.Api.HandlerCalls;
        var anonymous = _fixture.Host.CreateClient();

        var response = await anonymous.PostAsync(Path, new StringContent("not json", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(callsBefore, _fixture.Api.HandlerCalls);
    }

    [Fact(Timeout = 60_000)]
    public async Task OpenApi_ValidatedJsonEndpoint_DescribesBodyAndProblems()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        var operation = (await response.ReadJsonAsync()).GetProperty("paths").GetProperty(Path).GetProperty("post");
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Contains("TestCampaignRequest", schema.GetProperty("$ref").GetString(), StringComparison.Ordinal);
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("400", out _));
        Assert.True(responses.TryGetProperty("413", out _));
        Assert.True(responses.TryGetProperty("415", out _));
        Assert.False(operation.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0, "the body must not appear as a parameter");
    }

    private Task<HttpResponseMessage> PostJsonAsync(string json) =>
        _client.PostAsync(Path, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>A stream that hides its length, so the client sends the body chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
