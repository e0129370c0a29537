using Herald.Testing;

namespace Herald.Functions.Tests.Infrastructure;

[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
