using Herald.Testing;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>The session-store tests share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
