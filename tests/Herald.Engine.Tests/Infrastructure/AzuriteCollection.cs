using Herald.Testing;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>All engine tests share one Azurite; each test uses its own table and queue names.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
