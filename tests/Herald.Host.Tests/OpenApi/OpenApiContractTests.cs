using System.Text.Json;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Herald.Host.Tests.OpenApi;

/// <summary>The document a client generator (Kiota, NSwag) reads: every error it can get is typed as problem details.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const string Problem = "application/problem+json";

    [Fact(Timeout = 120_000)]
    public async Task Document_RedoclyRecommendedLint_NoErrorsNoWarnings()
    {
        using var temp = new TempDirectory();
        var file = Path.Combine(temp.Path, "openapi.json");
        // Asked for as the development host is (http://127.0.0.1:5080): the test server's own "localhost" would be the
        // server URL otherwise, which the linter rightly flags for a published document.
        await File.WriteAllTextAsync(file, await ServedDocumentAsync(new Uri("http://127.0.0.1:5080")));

        var report = await RedoclyCli.LintAsync(file);

        foreach (var problem in report.Problems)
        {
            output.WriteLine(problem);
        }

        Assert.Equal((0, 0), (report.Errors, report.Warnings));
    }

    [Fact(Timeout = 120_000)]
    public async Task Document_EveryApiOperation_Declares401AndTypesEveryErrorAsProblemDetails()
    {
        using var document = JsonDocument.Parse(await ServedDocumentAsync());
        var paths = document.RootElement.GetProperty("paths");

        var operations = paths.EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Responses: op.Value.GetProperty("responses"))))
            .ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} /api operations in the document");
        Assert.All(operations, op =>
        {
            Assert.True(op.Responses.TryGetProperty("401", out var unauthorized), $"{op.Name} declares no 401");
            Assert.True(unauthorized.GetProperty("content").TryGetProperty(Problem, out _), $"{op.Name}: 401 is not problem details");
            foreach (var error in op.Responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(error.Value.TryGetProperty("content", out var content) && content.TryGetProperty(Problem, out _), $"{op.Name}: {error.Name} is not problem details");
            }
        });
    }

    [Fact(Timeout = 120_000)]
    public async Task Document_MissingCampaign_Is404ProblemDetails()
    {
        using var document = JsonDocument.Parse(await ServedDocumentAsync());

        var notFound = document.RootElement.GetProperty("paths").GetProperty("/api/campaigns/{id}").GetProperty("get").GetProperty("responses").GetProperty("404");

        var schema = notFound.GetProperty("content").GetProperty(Problem).GetProperty("schema").GetProperty("$ref").GetString();
        Assert.Equal("#/components/schemas/ProblemDetails", schema);
    }

    private async Task<string> ServedDocumentAsync(Uri? baseAddress = null)
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o => o.Workers = false);
        var client = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = baseAddress ?? new Uri("http://localhost") });
        return await client.GetStringAsync("/openapi/v1.json");
    }
}
