namespace Herald.Dashboard.Tests.Infrastructure;

/// <summary>The dashboard tests share one host and one browser and run one after another (their campaigns share the tenant's bot).</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
