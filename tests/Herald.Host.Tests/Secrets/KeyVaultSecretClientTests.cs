using Azure;
using Azure.Security.KeyVault.Secrets;
using Herald.Host.Secrets;
using Herald.Host.Tests.Infrastructure;
using Moq;

namespace Herald.Host.Tests.Secrets;

/// <summary>
/// The Key Vault store against a Moq <see cref="SecretClient"/> (the Azure SDK's seam for tests; there is no Key Vault
/// emulator): what it stores under which name, what a missing secret reads as, and that values stay out of logs and errors.
/// </summary>
public sealed class KeyVaultSecretClientTests : IDisposable
{
    private const string Tenant = "tenant-a";
    private const string BotToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

    private readonly Mock<SecretClient> _client = new(MockBehavior.Strict);
    private readonly CapturingLoggerProvider _logs;
    private readonly ILoggerFactory _loggerFactory;

    public KeyVaultSecretClientTests(ITestOutputHelper output)
    {
        _logs = new CapturingLoggerProvider { Output = output };
        _loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact(Timeout = 10_000)]
    public async Task Set_StoresTheValueUnderTheMappedNameAndReturnsIt()
    {
        var expected = SecretNames.For(Tenant, "bot-token");
        _client.Setup(c => c.SetSecretAsync(expected, BotToken, It.IsAny<CancellationToken>())).ReturnsAsync(Found(expected, BotToken));

        var reference = await Store().SetAsync(Tenant, "bot-token", BotToken);

        Assert.Equal(expected, reference);
        _client.Verify(c => c.SetSecretAsync(expected, BotToken, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains(expected, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Set_NamesKeyVaultRefuses_AreMappedToValidDistinctNames()
    {
        var names = new List<string>();
        _client.Setup(c => c.SetSecretAsync(It.IsAny<string>(), BotToken, It.IsAny<CancellationToken>()))
            .Callback<string, string, CancellationToken>((name, _, _) => names.Add(name))
            .ReturnsAsync((string name, string value, CancellationToken _) => Found(name, value));
        var store = Store();

        await store.SetAsync("tenant a/ü", "bot_token:1", BotToken);
        await store.SetAsync("a-b", "c", BotToken);
        await store.SetAsync("a", "b-c", BotToken);
        await store.SetAsync(new string('t', 300), new string('n', 300), BotToken);

        Assert.All(names, n => Assert.Matches("^[0-9a-zA-Z-]{1,127}$", n));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact(Timeout = 10_000)]
    public async Task Get_ExistingSecret_ReturnsItsValue()
    {
        var reference = SecretNames.For(Tenant, "bot-token");
        _client.Setup(c => c.GetSecretAsync(reference, null, It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>())).ReturnsAsync(Found(reference, BotToken));

        Assert.Equal(BotToken, await Store().GetAsync(reference));
        Assert.DoesNotContain(BotToken, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task Get_MissingSecret_ReturnsNull()
    {
        var reference = SecretNames.For(Tenant, "gone");
        _client.Setup(c => c.GetSecretAsync(reference, null, It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, $"Secret not found: {reference}", "SecretNotFound", null));

        Assert.Null(await Store().GetAsync(reference));
    }

    [Theory(Timeout = 10_000)]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("name with spaces")]
    public async Task Get_ReferenceThatIsNoSecretName_ReturnsNullWithoutAskingTheVault(string reference)
    {
        Assert.Null(await Store().GetAsync(reference));
        _client.VerifyNoOtherCalls();
    }

    [Fact(Timeout = 10_000)]
    public async Task Delete_ExistingSecret_StartsTheDeletion()
    {
        var reference = SecretNames.For(Tenant, "bot-token");
        _client.Setup(c => c.StartDeleteSecretAsync(reference, It.IsAny<CancellationToken>())).ReturnsAsync(Mock.Of<DeleteSecretOperation>());

        await Store().DeleteAsync(reference);

        _client.Verify(c => c.StartDeleteSecretAsync(reference, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact(Timeout = 10_000)]
    public async Task Delete_MissingSecret_IsNotAnError()
    {
        var reference = SecretNames.For(Tenant, "gone");
        _client.Setup(c => c.StartDeleteSecretAsync(reference, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(404, $"Secret not found: {reference}", "SecretNotFound", null));

        await Store().DeleteAsync(reference);
    }

    [Fact(Timeout = 10_000)]
    public async Task Set_VaultRefuses_ErrorAndLogsCarryNoSecretValue()
    {
        _client.Setup(c => c.SetSecretAsync(It.IsAny<string>(), BotToken, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Caller is not authorized to perform action on resource.", "Forbidden", null));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Store().SetAsync(Tenant, "bot-token", BotToken));

        Assert.Equal(403, error.Status);
        Assert.DoesNotContain(BotToken, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(BotToken, _logs.AllText, StringComparison.Ordinal);
    }

    private static Response<KeyVaultSecret> Found(string name, string value) =>
        Response.FromValue(SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value), Mock.Of<Response>());

    private KeyVaultSecretStore Store() => new(_client.Object, _loggerFactory.CreateLogger<KeyVaultSecretStore>());
}
