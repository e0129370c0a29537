using System.Text;
using Herald.Host.Secrets;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;

namespace Herald.Host.Tests.Secrets;

public sealed class LocalSecretStoreTests : IDisposable
{
    private const string BotToken = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
    private readonly TempDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task SetThenGet_RoundTrips()
    {
        using var host = SecretStoreHost.Build(_data.Path);
        var store = host.Services.GetRequiredService<ISecretStore>();

        var reference = await store.SetAsync("tenant-a", "bot-token", BotToken);

        Assert.IsType<LocalSecretStore>(store);
        Assert.Equal(SecretNames.For("tenant-a", "bot-token"), reference);
        Assert.Equal(BotToken, await store.GetAsync(reference));
    }

    [Fact(Timeout = 60_000)]
    public async Task Set_FileOnDiskHoldsNoPlaintext()
    {
        using var host = SecretStoreHost.Build(_data.Path);
        var store = host.Services.GetRequiredService<ISecretStore>();

        var reference = await store.SetAsync("tenant-a", "bot-token", BotToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "secrets")));
        Assert.Equal(reference + ".secret", Path.GetFileName(file));
        var contents = await File.ReadAllBytesAsync(file);
        var text = Encoding.UTF8.GetString(contents);
        Assert.DoesNotContain(BotToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AAHdqTcvCH1vGWJx", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(BotToken)), text, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Get_AfterRestartWithSameFolders_StillDecrypts()
    {
        string reference;
        using (var first = SecretStoreHost.Build(_data.Path))
        {
            reference = await first.Services.GetRequiredService<ISecretStore>().SetAsync("tenant-a", "session", "tdlib-session-bytes");
        }

        using var second = SecretStoreHost.Build(_data.Path);
        var value = await second.Services.GetRequiredService<ISecretStore>().GetAsync(reference);

        Assert.Equal("tdlib-session-bytes", value);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data.Path, "keys")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Set_SameNameTwice_OverwritesOneFile()
    {
        using var host = SecretStoreHost.Build(_data.Path);
        var store = host.Services.GetRequiredService<ISecretStore>();

        var first = await store.SetAsync("tenant-a", "bot-token", "old");
        var second = await store.SetAsync("tenant-a", "bot-token", "new");

        Assert.Equal(first, second);
        Assert.Equal("new", await store.GetAsync(first));
        Assert.Single(Directory.GetFiles(Path.Combine(_data.Path, "secrets")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Delete_TwiceAndMissing_IsIdempotent()
    {
        using var host = SecretStoreHost.Build(_data.Path);
        var store = host.Services.GetRequiredService<ISecretStore>();
        var reference = await store.SetAsync("tenant-a", "bot-token", BotToken);

        await store.DeleteAsync(reference);
        await store.DeleteAsync(reference);
        await store.DeleteAsync(SecretNames.For("tenant-z", "never-stored"));

        Assert.Null(await store.GetAsync(reference));
        Assert.Empty(Directory.GetFiles(Path.Combine(_data.Path, "secrets")));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    [InlineData("name.with.dots")]
    public async Task Get_ReferenceNotASecretName_ReturnsNullWithoutTouchingOtherFiles(string reference)
    {
        using var host = SecretStoreHost.Build(_data.Path);
        var store = host.Services.GetRequiredService<ISecretStore>();

        Assert.Null(await store.GetAsync(reference));
        await store.DeleteAsync(reference);
    }

    [Fact(Timeout = 60_000)]
    public async Task Get_FileFromAnotherKeyRing_FailsLoudly()
    {
        using var other = new TempDirectory();
        string reference;
        using (var first = SecretStoreHost.Build(_data.Path))
        {
            reference = await first.Services.GetRequiredService<ISecretStore>().SetAsync("tenant-a", "bot-token", BotToken);
        }

        Directory.CreateDirectory(Path.Combine(other.Path, "secrets"));
        File.Copy(Path.Combine(_data.Path, "secrets", reference + ".secret"), Path.Combine(other.Path, "secrets", reference + ".secret"));
        using var second = SecretStoreHost.Build(other.Path);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.Services.GetRequiredService<ISecretStore>().GetAsync(reference));
        Assert.DoesNotContain(BotToken, error.ToString(), StringComparison.Ordinal);
    }
}
