namespace Herald.EndToEnd.Tests.Infrastructure;

/// <summary>The end-to-end tests share one Azurite and one simulator and run one after another (each is timed against Telegram's limits).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<HeraldStackFixture>
{
    public const string Name = "EndToEnd";
}
