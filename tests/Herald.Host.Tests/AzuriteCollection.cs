using Herald.Testing;

namespace Herald.Host.Tests;

/// <summary>
/// The Azurite-backed tests of the host outside <c>Apis/</c> share one Azurite; their classes run one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>
/// The API tests (<c>Apis/</c>) share a second Azurite of their own, so the two halves of the suite run side by side
/// (together they are about ten minutes of mostly waiting).
/// </summary>
[CollectionDefinition(Name)]
public sealed class ApiAzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite (API)";
}
