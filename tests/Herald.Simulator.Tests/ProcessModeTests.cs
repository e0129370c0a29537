using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Herald.Simulator.Tests;

public sealed partial class ProcessModeTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Process_StartedWithUrls_ServesTheBotApi()
    {
        var dll = typeof(SimulatorHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        using var process = Process.Start(start)!;
        try
        {
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                output.WriteLine(e.Data);
                if (ListeningLine().Match(e.Data) is { Success: true } match)
                {
                    listening.TrySetResult(new Uri(match.Groups["url"].Value + "/"));
                }
            };
            process.BeginOutputReadLine();
            var baseUri = await listening.Task.WaitAsync(TimeSpan.FromSeconds(45));
            using var http = new HttpClient { BaseAddress = baseUri };

            var me = await http.GetFromJsonAsync<JsonElement>($"./bot{SimulatorSession.Token}/getMe");
            var stats = await http.GetFromJsonAsync<SimulatorStats>("_sim/stats");

            Assert.Equal(SimulatorSession.BotId, me.GetProperty("result").GetProperty("id").GetInt64());
            Assert.Equal(1, stats!.Totals.Requests);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    [GeneratedRegex(@"Now listening on: (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
