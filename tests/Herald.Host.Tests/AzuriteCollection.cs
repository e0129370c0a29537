using Herald.Testing;

namespace Herald.Host.Tests;

/// <summary>All Azurite-backed tests of the host share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
