using Herald.Core.Domain;
using Herald.Host.Tests.Infrastructure;
using Herald.Platforms.Abstractions;
using Herald.Testing;

namespace Herald.Host.Tests.Platforms;

/// <summary>The host composes every platform behind the one adapter interface (R32): the engine finds each by platform and kind.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RegisteredPlatformsTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Host_RegistersTelegramBotsWhatsAppNumbersAndEmailMailboxes()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);

        var adapters = host.Services.GetServices<IPlatformAdapter>().ToList();
        var served = Enum.GetValues<PlatformKind>()
            .SelectMany(p => Enum.GetValues<AccountKind>().Select(k => (p, k)))
            .Where(pk => adapters.Any(a => a.Platform == pk.p && a.Handles(pk.k)))
            .Select(pk => $"{pk.p}/{pk.k}")
            .ToList();

        Assert.Equal(adapters.Count, adapters.Select(a => a.GetType()).Distinct().Count());
        Assert.Subset(served.ToHashSet(), new HashSet<string> { "Telegram/Bot", "WhatsApp/Bot", "Email/User" });
        var resolver = host.Services.GetRequiredService<Herald.Engine.Platforms.PlatformResolver>();
        Assert.Equal("WhatsAppCloudPlatform", resolver.Find(PlatformKind.WhatsApp, AccountKind.Bot)?.GetType().Name);
        Assert.Equal("EmailPlatform", resolver.Find(PlatformKind.Email, AccountKind.User)?.GetType().Name);
        Assert.Equal("TelegramBotPlatform", resolver.Find(PlatformKind.Telegram, AccountKind.Bot)?.GetType().Name);
    }
}
