using System.Text.Json;
using Herald.Host.Authentication;
using Herald.Host.Commands;

namespace Herald.Host.Tests.Commands;

public sealed class ApiKeyCommandTests
{
    [Fact]
    public void Run_TenantAndName_PrintsKeyAndHashOnlyConfigEntry()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = ApiKeyCommand.Run(["--tenant", "acme", "--name", "billing"], stdout, stderr);

        Assert.Equal(0, exitCode);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[0]["key: ".Length..];
        var entry = JsonSerializer.Deserialize<ApiKeyEntry>(lines[1][(lines[1].IndexOf('{', StringComparison.Ordinal))..])!;
        Assert.StartsWith("hk_", key, StringComparison.Ordinal);
        Assert.Equal(ApiKeys.Hash(key), entry.Sha256);
        Assert.Equal("acme", entry.TenantId);
        Assert.Equal("billing", entry.Name);
        Assert.DoesNotContain(key, lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--tenant", "acme")]
    [InlineData("--name", "billing")]
    [InlineData("--tenant", "a b", "--name", "billing")]
    public void Run_MissingOrInvalidArguments_Returns2(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, ApiKeyCommand.Run(args, stdout, stderr));
        Assert.Empty(stdout.ToString());
    }
}
