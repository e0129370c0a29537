namespace Herald.Functions.Tests.Infrastructure;

/// <summary>Fresh names, so tests sharing one Azurite never see each other's tables, queues or task hubs.</summary>
public static class TestNames
{
    /// <summary>An engine name prefix: lower-case letters only.</summary>
    public static string Prefix() => "f" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));

    /// <summary>A tenant id.</summary>
    public static string Tenant() => $"t-{Guid.NewGuid():N}"[..16];
}
