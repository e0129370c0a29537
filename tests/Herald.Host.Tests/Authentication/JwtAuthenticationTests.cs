using System.Net;
using System.Text;
using Herald.Host.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Herald.Host.Tests.Authentication;

public sealed class JwtAuthenticationTests : IClassFixture<HeraldApiFactory>
{
    private readonly HeraldApiFactory _factory;
    private readonly HttpClient _client;

    public JwtAuthenticationTests(HeraldApiFactory factory, ITestOutputHelper output)
    {
        _factory = factory;
        _factory.Logs.Output = output;
        _client = factory.CreateClient();
    }

    private DateTimeOffset Now => _factory.Clock.GetUtcNow();

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_ValidHs256Token_ReturnsTenantFromSubject()
    {
        var response = await _client.GetAsync("/api/whoami", TestTokens.Create(Now, "tenant-a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("tenant-a", body.GetProperty("tenantId").GetString());
        Assert.Equal("jwt", body.GetProperty("authMethod").GetString());
        Assert.Equal("tenant-a", body.GetProperty("actor").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_ValidRs256TokenFromPemKey_Returns200()
    {
        var token = TestTokens.Create(Now, "tenant-pem", TestTokens.Rsa(TestKeys.Pem, withKeyId: false));

        var response = await _client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("tenant-pem", (await response.ReadJsonAsync()).GetProperty("tenantId").GetString());
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_Rs256TokenFromInlineJwksKey_Returns200()
    {
        var token = TestTokens.Create(Now, "tenant-jwks", TestTokens.Rsa(TestKeys.InlineJwks));

        var response = await _client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_KidNotNamedInConfiguration_StillVerifiedByConfiguredKeysOfThatKind()
    {
        var rsaWithKid = TestTokens.Create(Now, "tenant-pem", TestTokens.Rsa(TestKeys.Pem, withKeyId: true));
        var hmacWithKid = TestTokens.Create(Now, "tenant-a", new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.HmacSecret)) { KeyId = "k1" }, "HS256"));

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/whoami", rsaWithKid)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/whoami", hmacWithKid)).StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_NoCredentials_Returns401ProblemWithBearerChallenge()
    {
        var response = await _client.GetAsync("/api/whoami", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "expired", "has expired" },
        { "not-yet-valid", "not valid yet" },
        { "wrong-issuer", "issuer is not accepted" },
        { "wrong-audience", "audience is not accepted" },
        { "wrong-hmac", "signature is not valid" },
        { "wrong-rsa", "signature is not valid" },
        { "none", "algorithm is not accepted" },
        { "confusion-pem", "signature is not valid" },
        { "confusion-der", "signature is not valid" },
        { "hs512", "algorithm is not accepted" },
        { "rs512", "algorithm is not accepted" },
        { "no-subject", "subject is missing" },
        { "bad-subject", "subject is missing" },
        { "garbage", "not a well-formed" },
        { "stripped", "signature is not valid" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(RefusedTokens))]
    public async Task WhoAmI_RefusedToken_Returns401InvalidTokenWithReason(string kind, string reason)
    {
        var token = BadToken(kind);

        var response = await _client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(reason, challenge.Parameter, StringComparison.Ordinal);
        var problem = await response.ReadJsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_ExpiredWithinClockSkew_Returns200()
    {
        var token = TestTokens.Create(Now.AddHours(-1), expiresOffset: TimeSpan.FromMinutes(60) - TimeSpan.FromSeconds(20));

        var response = await _client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_NotBeforeWithinClockSkew_Returns200()
    {
        var token = TestTokens.Create(Now, notBeforeOffset: TimeSpan.FromSeconds(20));

        var response = await _client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task WhoAmI_TokenExpiresAsClockAdvances_ThenRefusedWithExpiredReason()
    {
        await using var factory = await HeraldApiFactory.StartAsync();
        var client = factory.CreateClient();
        var token = TestTokens.Create(factory.Clock.GetUtcNow(), expiresOffset: TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/whoami", token)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(31));
        var response = await client.GetAsync("/api/whoami", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    private string BadToken(string kind) => kind switch
    {
        "expired" => TestTokens.Create(Now.AddHours(-2), expiresOffset: TimeSpan.FromHours(1)),
        "not-yet-valid" => TestTokens.Create(Now, notBeforeOffset: TimeSpan.FromMinutes(5)),
        "wrong-issuer" => TestTokens.Create(Now, issuer: "https://evil.example"),
        "wrong-audience" => TestTokens.Create(Now, audience: "someone-else"),
        "wrong-hmac" => TestTokens.Create(Now, credentials: TestTokens.Hmac(TestKeys.OtherHmacSecret)),
        "wrong-rsa" => TestTokens.Create(Now, credentials: TestTokens.Rsa(TestKeys.Unknown)),
        "none" => TestTokens.Unsigned(Now),
        "confusion-pem" => TestTokens.Create(Now, credentials: TestTokens.Hmac(Encoding.UTF8.GetBytes(TestKeys.Pem.PublicPem))),
        "confusion-der" => TestTokens.Create(Now, credentials: TestTokens.Hmac(TestKeys.Pem.PublicDer)),
        "hs512" => TestTokens.Create(Now, credentials: TestTokens.Hmac(TestKeys.HmacSecret, SecurityAlgorithms.HmacSha512)),
        "rs512" => TestTokens.Create(Now, credentials: TestTokens.Rsa(TestKeys.Pem, SecurityAlgorithms.RsaSha512)),
        "no-subject" => TestTokens.Create(Now, subject: null),
        "bad-subject" => TestTokens.Create(Now, subject: "tenant/../other"),
        "garbage" => "not-a-jwt",
        "stripped" => string.Join('.', TestTokens.Create(Now).Split('.')[..2]) + ".",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
