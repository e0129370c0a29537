using System.Net;
using Herald.Host.Tests.Infrastructure;
using Herald.Testing;

namespace Herald.Host.Tests.Apis;

[Collection(ApiAzuriteCollection.Name)]
public sealed class MessagesApiTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task SendEditDelete_SameKeyTwice_ActsOnceAndAnswersTheFirstResult()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output);
        var client = host.Client(EngineApiHost.NewTenant());
        var token = EngineApiHost.NewBotToken();
        var account = await client.RegisterBotAsync(token);
        var send = $$"""{"accountId":"{{account}}","chatId":"4242","text":"Order 1 shipped","inlineKeyboard":[[{"text":"Track","url":"https://example.com/t/1"}]]}""";

        var first = await client.PostJsonAsync("/api/messages", send, "key-send-1");
        var second = await client.PostJsonAsync("/api/messages", send, "key-send-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var body = await first.Content.ReadAsStringAsync();
        Assert.Equal(body, await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var delivery = Assert.Single(host.Simulator.State.GetDeliveries(chatId: 4242));
        Assert.Equal("Order 1 shipped", delivery.Text);
        Assert.Contains("https://example.com/t/1", delivery.ReplyMarkup.ToString(), StringComparison.Ordinal);
        var message = await first.ReadJsonAsync();
        var id = message.Str("id");
        Assert.Equal(delivery.MessageId, message.GetProperty("platformMessageId").GetInt64());
        Assert.DoesNotContain("Order 1", body, StringComparison.Ordinal);

        await (await client.PostJsonAsync("/api/messages", send.Replace("shipped", "lost", StringComparison.Ordinal), "key-send-1")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await (await client.PostJsonAsync("/api/messages", send)).AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key", "Required");

        var edit = """{"text":"Order 1 <b>delivered</b>","parseMode":"html"}""";
        var edited = await client.SendJsonAsync(HttpMethod.Patch, $"/api/messages/{id}", edit, "key-edit-1");
        var editedAgain = await client.SendJsonAsync(HttpMethod.Patch, $"/api/messages/{id}", edit, "key-edit-1");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(await edited.Content.ReadAsStringAsync(), await editedAgain.Content.ReadAsStringAsync());
        Assert.Equal("Order 1 <b>delivered</b>", Assert.Single(host.Simulator.State.GetDeliveries(chatId: 4242)).EditedText);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendJsonAsync(HttpMethod.Delete, $"/api/messages/{id}", null, "key-delete-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendJsonAsync(HttpMethod.Delete, $"/api/messages/{id}", null, "key-delete-1")).StatusCode);
        Assert.NotNull(Assert.Single(host.Simulator.State.GetDeliveries(chatId: 4242)).DeletedAt);
        Assert.Equal("deleted", (await (await client.GetAsync($"/api/messages/{id}")).ReadJsonAsync()).Str("status"));
        await (await client.SendJsonAsync(HttpMethod.Patch, $"/api/messages/{id}", edit, "key-edit-2")).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_ConcurrentDuplicates_OneDeliveryAndTheOthersWaitOrReplay()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Simulator.Latency = TimeSpan.FromMilliseconds(400);
        });
        var client = host.Client(EngineApiHost.NewTenant());
        var account = await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var send = $$"""{"accountId":"{{account}}","chatId":"5151","text":"Your code is 1234"}""";

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostJsonAsync("/api/messages", send, "key-concurrent")));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Conflict && r.Headers.RetryAfter is not null);
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).Select(r => r.Content.ReadAsStringAsync().Result).ToList();
        Assert.Single(created.Distinct());
        var replay = await client.PostJsonAsync("/api/messages", send, "key-concurrent");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(created[0], await replay.Content.ReadAsStringAsync());
        Assert.Single(host.Simulator.State.GetDeliveries(chatId: 5151));
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_OutcomeLaterThanAnswerWithin_202QueuedThenTheSameKeyAnswersTheMessageOnce()
    {
        // Telegram answers after 500 ms and the API waits for nothing: the first answer is surely 202.
        await using var host = await EngineApiHost.StartAsync(azurite, output, o =>
        {
            o.Simulator.Latency = TimeSpan.FromMilliseconds(500);
            o.Settings["Herald:Messages:AnswerWithin"] = "00:00:00";
        });
        var client = host.Client(EngineApiHost.NewTenant());
        var account = await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var send = $$"""{"accountId":"{{account}}","chatId":"7171","text":"Your code is 9876"}""";

        var first = await client.PostJsonAsync("/api/messages", send, "key-queued");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.NotNull(first.Headers.RetryAfter);
        var queued = await first.ReadJsonAsync();
        Assert.Equal("queued", queued.Str("status"));
        HttpResponseMessage again;
        for (var looks = 0; (again = await client.PostJsonAsync("/api/messages", send, "key-queued")).StatusCode == HttpStatusCode.Conflict; looks++)
        {
            Assert.True(looks < 200, "the queued message was never sent");
            Assert.NotNull(again.Headers.RetryAfter);
            await Task.Delay(100);
        }

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var message = await again.ReadJsonAsync();
        Assert.Equal(queued.Str("id"), message.Str("id"));
        Assert.Equal("sent", (await (await client.GetAsync($"/api/messages/{message.Str("id")}")).ReadJsonAsync()).Str("status"));
        var replay = await client.PostJsonAsync("/api/messages", send, "key-queued");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await again.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(message.GetProperty("platformMessageId").GetInt64(), Assert.Single(host.Simulator.State.GetDeliveries(chatId: 7171)).MessageId);
    }

    [Fact(Timeout = 60_000)]
    public async Task Send_BadInputs_AnswerProblemsAndSendNothing()
    {
        await using var host = await EngineApiHost.StartAsync(azurite, output);
        var client = host.Client(EngineApiHost.NewTenant());
        var account = await client.RegisterBotAsync(EngineApiHost.NewBotToken());
        var user = (await (await client.PostJsonAsync("/api/accounts/telegram-users", """{"session":"s1"}""")).ReadJsonAsync()).GetProperty("account").Str("accountId");
        string Send(string text, string extra = "", string? accountId = null) =>
            $$"""{"accountId":"{{accountId ?? account}}","chatId":"6161","text":"{{text}}"{{extra}}}""";

        await (await client.PostJsonAsync("/api/messages", Send("<script>alert(1)</script>"), "k1")).AssertProblemAsync(HttpStatusCode.BadRequest, "text", "<script>");
        await (await client.PostJsonAsync("/api/messages", Send("<b>bold</b>"), "k2")).AssertProblemAsync(HttpStatusCode.BadRequest, "text", "HTML tag");
        await (await client.PostJsonAsync("/api/messages", Send("<a href=\\\"javascript:alert(1)\\\">x</a>", ",\"parseMode\":\"html\""), "k3")).AssertProblemAsync(HttpStatusCode.BadRequest, "text", "script URL");
        await (await client.PostJsonAsync("/api/messages", Send("<img src=x>", ",\"parseMode\":\"html\""), "k4")).AssertProblemAsync(HttpStatusCode.BadRequest, "text", "formatting tags");
        await (await client.PostJsonAsync("/api/messages", Send(new string('a', 4097)), "k5")).AssertProblemAsync(HttpStatusCode.BadRequest, "text", "at most 4096");
        await (await client.PostJsonAsync("/api/messages", Send("hi", ",\"parseMode\":\"bbcode\""), "k6")).AssertProblemAsync(HttpStatusCode.BadRequest, "parseMode", "expected one of html, markdownV2, markdown");
        await (await client.PostJsonAsync("/api/messages", Send("hi").Replace("6161", "not a chat", StringComparison.Ordinal), "k7")).AssertProblemAsync(HttpStatusCode.BadRequest, "chatId");
        await (await client.PostJsonAsync("/api/messages", Send("hi", accountId: "tg-bot-1"), "k8")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostJsonAsync("/api/messages", Send("hi", accountId: user), "k9")).AssertProblemAsync(HttpStatusCode.BadRequest, "accountId", "bot accounts");
        await (await client.PostJsonAsync("/api/messages", Send("hi"), new string('k', 256))).AssertProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        await (await client.GetAsync($"/api/messages/{Guid.NewGuid():N}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(host.Simulator.State.GetDeliveries(chatId: 6161));

        // A refused request does not use up its key.
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync("/api/messages", Send("<b>ok</b>", ",\"parseMode\":\"html\""), "k1")).StatusCode);
        Assert.Equal("<b>ok</b>", Assert.Single(host.Simulator.State.GetDeliveries(chatId: 6161)).Text);
    }
}
