using Herald.Testing;

namespace Herald.Storage.Tests;

/// <summary>All Azurite-backed tests share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
