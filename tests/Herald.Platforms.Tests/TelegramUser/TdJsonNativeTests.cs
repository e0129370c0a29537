using System.Text.Json.Nodes;
using Herald.Platforms.Abstractions;
using Herald.Platforms.Tests.Support;
using Herald.Platforms.TelegramUser;
using Herald.Platforms.TelegramUser.Td;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Herald.Platforms.Tests.TelegramUser;

/// <summary>The real libtdjson from npm prebuilt-tdlib (node_modules after <c>npm ci</c>), offline.</summary>
public sealed class TdJsonNativeTests
{
    [Fact(Timeout = 30_000)]
    public async Task Load_FromNodeModules_FindsPrebuiltTdlib()
    {
        var path = await Task.Run(() => TdJsonLibrary.Load());

        Assert.EndsWith(Path.Combine("node_modules", "@prebuilt-tdlib", "linux-x64-glibc", "libtdjson.so"), path, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_SetLogVerbosityLevel_AnswersOk()
    {
        var answer = await Task.Run(() => TdJson.Execute(new JsonObject { ["@type"] = "setLogVerbosityLevel", ["new_verbosity_level"] = 1 }));

        Assert.Equal("ok", TdJson.TypeOf(answer));
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_GetTextEntities_FindsMentionAndUrl()
    {
        var answer = await Task.Run(() => TdJson.Execute(new JsonObject { ["@type"] = "getTextEntities", ["text"] = "Hi @herald_demo, see https://example.org" }));

        Assert.Equal("textEntities", TdJson.TypeOf(answer));
        var types = answer["entities"]!.AsArray().Select(e => TdJson.TypeOf(e!["type"])).ToList();
        Assert.Equal(["textEntityTypeMention", "textEntityTypeUrl"], types);
    }

    [Fact(Timeout = 30_000)]
    public async Task Execute_AsynchronousMethod_AnswersError()
    {
        var answer = await Task.Run(() => TdJson.Execute(new JsonObject { ["@type"] = "getMe" }));

        Assert.Equal("error", TdJson.TypeOf(answer));
    }

    [Fact(Timeout = 30_000)]
    public async Task CreateClient_New_WaitsForTdlibParameters()
    {
        TdJson.Execute(new JsonObject { ["@type"] = "setLogVerbosityLevel", ["new_verbosity_level"] = 1 });
        await using var client = new TdJsonClient();

        var state = await FirstAuthorizationStateAsync(client);

        Assert.Equal("authorizationStateWaitTdlibParameters", state);
        var version = await client.SendAsync(new JsonObject { ["@type"] = "getOption", ["name"] = "version" });
        Assert.Equal("1.8.65", version["value"]?.GetValue<string>());
    }

    [Fact(Timeout = 30_000)]
    public async Task Load_MissingConfiguredPath_NamesTheSetting()
    {
        var error = await Assert.ThrowsAsync<TdJsonNotFoundException>(() => Task.Run(() => TdJsonLibrary.Locate("/nonexistent/libtdjson.so")));

        Assert.Contains("Herald:TelegramUser:TdJsonPath", error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> FirstAuthorizationStateAsync(ITdClient client)
    {
        await foreach (var update in client.Updates.ReadAllAsync())
        {
            if (TdJson.TypeOf(update) == "updateAuthorizationState")
            {
                return TdJson.TypeOf(update["authorization_state"]);
            }
        }

        return "closed";
    }

    [Fact(Timeout = 30_000)]
    public async Task Start_LibraryMissing_ValidationNamesTheSetting()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ISecretStore>(new InMemorySecretStore())
            .AddTelegramUserPlatform(o => o.TdJsonPath = "/nonexistent/libtdjson.so")
            .BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TelegramUserOptions>>().Value);

        Assert.Contains("Herald:TelegramUser:TdJsonPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }
}
