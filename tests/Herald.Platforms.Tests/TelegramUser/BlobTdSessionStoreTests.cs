using System.Text;
using Azure.Storage.Blobs;
using Herald.Core.Domain;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.TelegramUser.Sessions;
using Herald.Platforms.TelegramUser.Td;
using Herald.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>A session moving between workers through blob storage (Azurite), sealed with the account's database key.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobTdSessionStoreTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Session_LoggedInOnOneWorker_ActsOnAnotherMachineWithoutLogin()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.UniqueTableName("tdsessions").ToLowerInvariant());
        var store = new BlobTdSessionStore(container);
        await using var host = await TdTestHost.StartAsync(output, store: store);
        var account = await host.LoginAsync(TdTestHost.Admin);

        await using var other = host.SecondWorker(ownDirectory: true);
        var outcome = await other.GetRequiredService<TelegramUserPlatform>().ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));

        Assert.Equal("Done:Messaged", TelegramUserErrorTests.Describe(outcome));
        Assert.Equal([TdTestHost.Admin], host.World.Messages.Select(m => m.AccountUserId));
        var blob = Assert.Single(container.GetBlobs());
        Assert.DoesNotContain("tg-user", blob.Name, StringComparison.Ordinal);
        var bytes = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        var token = await File.ReadAllTextAsync(Path.Combine(host.Services.GetRequiredService<TelegramUserSessions>().DirectoryOf("tenant-1", account.AccountId), SimulatedTdClient.SessionFileName));
        Assert.DoesNotContain(token, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Session_IdleOnOneWorker_ClosedAndStoredSoTheNextWorkerTakesOver()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.UniqueTableName("tdsessions").ToLowerInvariant());
        await using var host = await TdTestHost.StartAsync(output, store: new BlobTdSessionStore(container));
        var account = await host.LoginAsync(TdTestHost.Admin);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = host.Worker("machine-a", clock);
        await using var next = host.Worker("machine-b");
        var firstSessions = first.GetRequiredService<TelegramUserSessions>();

        var before = await first.GetRequiredService<TelegramUserPlatform>().ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));
        Assert.Equal(1, firstSessions.OpenCount);
        clock.Advance(TimeSpan.FromMinutes(6));
        while (firstSessions.OpenCount > 0)
        {
            await Task.Delay(20);
        }

        var after = await next.GetRequiredService<TelegramUserPlatform>().ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "kicked")));

        Assert.Equal(["Done:Messaged", "Done:Messaged"], new[] { before, after }.Select(TelegramUserErrorTests.Describe));
        Assert.Equal([TdTestHost.Ann, TdTestHost.Kicked], host.World.Messages.Select(m => m.UserId));
    }

    [Fact(Timeout = 60_000)]
    public async Task Release_AfterATickOnOneWorker_NextWorkerActsAtOnceAndTheAccountStaysLoggedIn()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.UniqueTableName("tdsessions").ToLowerInvariant());
        await using var host = await TdTestHost.StartAsync(output, store: new BlobTdSessionStore(container));
        var account = await host.LoginAsync(TdTestHost.Admin);
        await using var first = host.Worker("machine-a");
        await using var next = host.Worker("machine-b");
        var firstPlatform = first.GetRequiredService<TelegramUserPlatform>();

        // The engine's lease moves the account to another process between two ticks: without the release, two live
        // clients on one session log the user out (AUTH_KEY_DUPLICATED).
        var before = await firstPlatform.ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "ann")));
        await firstPlatform.ReleaseAsync(account);
        var released = first.GetRequiredService<TelegramUserSessions>().OpenCount;
        var after = await next.GetRequiredService<TelegramUserPlatform>().ExecuteAsync(account, TdTestHost.Message(new Recipient(Username: "kicked")));

        Assert.Equal(["Done:Messaged", "Done:Messaged"], new[] { before, after }.Select(TelegramUserErrorTests.Describe));
        Assert.Equal([TdTestHost.Ann, TdTestHost.Kicked], host.World.Messages.Select(m => m.UserId));
        Assert.Equal(0, released);
    }

    [Fact(Timeout = 60_000)]
    public async Task Download_WrongDatabaseKey_Refused()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.UniqueTableName("tdsessions").ToLowerInvariant());
        var store = new BlobTdSessionStore(container);
        var directory = Directory.CreateTempSubdirectory("herald-td-blob-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "td.binlog"), "binlog");
            await store.UploadAsync("t", "a", directory, "right-key");

            var missing = await store.DownloadAsync("t", "other", Path.Combine(directory, "x"), "right-key");
            await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => store.DownloadAsync("t", "a", Path.Combine(directory, "y"), "wrong-key"));
            var found = await store.DownloadAsync("t", "a", Path.Combine(directory, "z"), "right-key");

            Assert.False(missing);
            Assert.True(found);
            Assert.Equal("binlog", await File.ReadAllTextAsync(Path.Combine(directory, "z", "td.binlog")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
