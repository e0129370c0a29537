namespace Herald.Core.Tests;

/// <summary>
/// Runs a synchronous test body on the thread pool, so the test's <c>Timeout</c> applies to it (xunit enforces
/// timeouts on the returned task only).
/// </summary>
internal static class Bounded
{
    public static Task Run(Action body) => Task.Run(body);
}
