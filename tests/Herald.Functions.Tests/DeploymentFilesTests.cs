using System.Text.Json;
using System.Text.RegularExpressions;
using Herald.Functions.Tests.Infrastructure;

namespace Herald.Functions.Tests;

/// <summary>
/// The files a deployment reads and no build here runs (no docker, no Bicep compiler, no Core Tools): they name what
/// the README and the code say.
/// </summary>
public sealed partial class DeploymentFilesTests
{
    [Fact]
    public void Dockerfile_BuildsTheHostAsNonRootOnTheReadmePort()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var command = readme[readme.IndexOf("<!-- container-command -->", StringComparison.Ordinal)..].Split('\n')[2];
        var published = PublishedPort().Match(command);
        Assert.True(published.Success, command);
        var port = published.Groups["container"].Value;

        var dockerfile = File.ReadAllText(RepositoryFiles.Path("Dockerfile"));
        const string project = "src/Herald.Host/Herald.Host.csproj";
        Assert.True(File.Exists(RepositoryFiles.Path(project)));
        Assert.Contains($"dotnet publish {project}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Herald.Host.dll\"]", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"EXPOSE {port}", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ASPNETCORE_HTTP_PORTS={port}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("USER $APP_UID", dockerfile, StringComparison.Ordinal);
        Assert.Contains("herald", command, StringComparison.Ordinal);
    }

    [Fact]
    public void LocalSettingsSample_WhatFuncStartNeeds_NoSecrets()
    {
        using var sample = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.FunctionsOutput("local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values");
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.StartsWith("<", values.GetProperty("Herald__Auth__HmacSecrets__0").GetString(), StringComparison.Ordinal);
        Assert.Equal("herald", values.GetProperty("Herald__Engine__NamePrefix").GetString()); // the tick trigger's queue follows it
        foreach (var setting in values.EnumerateObject())
        {
            Assert.DoesNotContain("AccountKey=", setting.Value.GetString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Bicep_FlexConsumptionFunctionAppWithIdentityStorageAndKeyVault()
    {
        var bicep = File.ReadAllText(RepositoryFiles.Path("infra/main.bicep"));
        Assert.Contains("tier: 'FlexConsumption'", bicep, StringComparison.Ordinal);
        Assert.Contains("kind: 'functionapp,linux'", bicep, StringComparison.Ordinal);
        Assert.Contains("runtime: { name: 'dotnet-isolated', version: '10.0' }", bicep, StringComparison.Ordinal);
        Assert.Contains("'AzureWebJobsStorage__accountName'", bicep, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("listKeys", bicep, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft.Web/sites@2023-12-01", bicep, StringComparison.Ordinal); // the App Service web app is gone
        Assert.Contains("{ name: 'Herald__Secrets__Provider', value: 'KeyVault' }", bicep, StringComparison.Ordinal);
        Assert.Contains("{ name: 'Herald__Engine__NamePrefix', value: 'herald' }", bicep, StringComparison.Ordinal);
        foreach (var role in new[] { "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "4633458b-17de-408a-b874-0445c86b69e6" })
        {
            Assert.Contains(role, bicep, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"-p (?<host>\d+):(?<container>\d+)")]
    private static partial Regex PublishedPort();
}
