using System.Diagnostics;
using System.Text.Json;
using Herald.Host.Tests.Infrastructure;

namespace Herald.Host.Tests.OpenApi;

/// <summary>
/// Redocly's OpenAPI linter (npm <c>@redocly/cli</c>, a devDependency restored by <c>npm ci</c>) run with the
/// repository's <c>redocly.yaml</c>: <c>node node_modules/@redocly/cli/bin/cli.js lint --format=json</c>.
/// </summary>
internal static class RedoclyCli
{
    /// <summary>Lints <paramref name="documentPath"/> and returns the totals and one line per problem.</summary>
    public static async Task<LintReport> LintAsync(string documentPath, CancellationToken cancellationToken = default)
    {
        var root = HostPaths.RepositoryRoot;
        var cli = Path.Combine(root, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"{cli} is missing: run `npm ci` in the repository root.");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
            ArgumentList = { cli, "lint", "--format=json", "--config", Path.Combine(root, "redocly.yaml"), documentPath },
        };

        // Loopback-only machines: no telemetry and no update check against the registry.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var json = await stdout;
        if (json.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0)
        {
            json = json[brace..];
        }
        else
        {
            throw new InvalidOperationException($"redocly printed no report (exit {process.ExitCode}): {await stderr}");
        }

        using var report = JsonDocument.Parse(json);
        var totals = report.RootElement.GetProperty("totals");
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} "
                + $"{(p.TryGetProperty("location", out var at) && at.GetArrayLength() > 0 ? at[0].GetProperty("pointer").GetString() : "")}: "
                + p.GetProperty("message").GetString())
            .ToList();
        return new LintReport(totals.GetProperty("errors").GetInt32(), totals.GetProperty("warnings").GetInt32(), problems);
    }
}

/// <summary>What the linter found.</summary>
internal sealed record LintReport(int Errors, int Warnings, IReadOnlyList<string> Problems);
