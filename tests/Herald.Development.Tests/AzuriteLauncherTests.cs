using System.Net.Sockets;
using Azure.Data.Tables;
using Herald.Testing;
using Xunit.Abstractions;

namespace Herald.Development.Tests;

public sealed class AzuriteLauncherTests(ITestOutputHelper output)
{
    [Fact(Timeout = 90_000)]
    public async Task StartAsync_ThenDispose_ServesRequestsThenFreesPortsAndFolder()
    {
        var launcher = await AzuriteLauncher.StartAsync(logger: new TestOutputLogger(output, "Azurite"));
        var pid = launcher.ProcessId;
        var tablePort = launcher.TablePort;
        var table = new TableClient(launcher.ConnectionString, StorageNames.UniqueTableName());

        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));
        await launcher.DisposeAsync();
        await launcher.DisposeAsync();

        Assert.NotEqual(launcher.TablePort, launcher.QueuePort);
        Assert.Throws<ArgumentException>(() => System.Diagnostics.Process.GetProcessById(pid));
        using var probe = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", tablePort));
    }

    [Fact(Timeout = 90_000)]
    public async Task StartAsync_OwnerKilledOutright_AzuriteEndsByItself()
    {
        // The owner stands for a host or test run that is SIGKILLed and so never stops its Azurite.
        using var owner = System.Diagnostics.Process.Start("sleep", "300");
        await using var launcher = await AzuriteLauncher.StartAsync(new AzuriteOptions { OwnerProcessId = owner.Id }, new TestOutputLogger(output, "Azurite"));
        using var azurite = System.Diagnostics.Process.GetProcessById(launcher.ProcessId);
        await new TableClient(launcher.ConnectionString, StorageNames.UniqueTableName()).CreateIfNotExistsAsync();
        Assert.False(azurite.HasExited);

        owner.Kill();
        await owner.WaitForExitAsync();

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await azurite.WaitForExitAsync(wait.Token);
        Assert.True(azurite.HasExited);
    }

    [Fact]
    public void FindAzuriteScript_MissingExplicitPath_SaysRunNpmCiWithoutFallingBack()
    {
        var empty = Directory.CreateTempSubdirectory("herald-no-azurite");
        try
        {
            var ex = Assert.Throws<FileNotFoundException>(() => AzuriteLauncher.FindAzuriteScript(empty.FullName + "/node_modules/.bin/azurite-not-here"));
            Assert.Contains("npm ci", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void FindAzuriteScript_FromBinLink_ResolvesThePackageScript()
    {
        var script = AzuriteLauncher.FindAzuriteScript();
        var fromBin = AzuriteLauncher.FindAzuriteScript(Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(script))))!, ".bin", "azurite"));

        Assert.EndsWith(Path.Combine("azurite", "dist", "src", "azurite.js"), script, StringComparison.Ordinal);
        Assert.Equal(script, fromBin);
    }
}
