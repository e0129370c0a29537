using System.Text.Json;

namespace Herald.Simulator.Tests;

public sealed class BotApiMessageTests
{
    [Fact(Timeout = 60_000)]
    public async Task SendMessage_JsonBodyWithInlineKeyboard_DeliversAndRecordsIt()
    {
        await using var sim = await SimulatorSession.StartAsync();
        var keyboard = new { inline_keyboard = new[] { new object[] { new { text = "Yes", callback_data = "yes" }, new { text = "Site", url = "https://example.org" } } } };

        var (status, body) = await sim.CallAsync("sendMessage", new { chat_id = 42, text = "Hello", parse_mode = "HTML", reply_markup = keyboard });

        Assert.Equal(200, status);
        Assert.True(body.GetProperty("ok").GetBoolean());
        var message = body.GetProperty("result");
        Assert.Equal(1, message.GetProperty("message_id").GetInt64());
        Assert.Equal(42, message.GetProperty("chat").GetProperty("id").GetInt64());
        Assert.Equal("private", message.GetProperty("chat").GetProperty("type").GetString());
        Assert.Equal(sim.Clock.GetUtcNow().ToUnixTimeSeconds(), message.GetProperty("date").GetInt64());
        var delivery = Assert.Single(sim.State.GetDeliveries());
        Assert.Equal((SimulatorSession.BotId, 42L, "Hello", "HTML"), (delivery.BotId, delivery.ChatId, delivery.Text, delivery.ParseMode));
        Assert.Equal("yes", delivery.ReplyMarkup!.Value.GetProperty("inline_keyboard")[0][0].GetProperty("callback_data").GetString());
        Assert.Equal(sim.Clock.GetUtcNow(), delivery.DeliveredAt);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Html", "HTML")]
    [InlineData("html", "HTML")]
    [InlineData("markdownv2", "MarkdownV2")]
    [InlineData("Markdown", "Markdown")]
    public async Task SendMessage_ParseModeInAnyCase_IsReadAsTelegramsSpelling(string sent, string recorded)
    {
        await using var sim = await SimulatorSession.StartAsync();

        var (status, _) = await sim.CallAsync("sendMessage", new { chat_id = 42, text = "Hello", parse_mode = sent });

        Assert.Equal(200, status);
        Assert.Equal(recorded, Assert.Single(sim.State.GetDeliveries()).ParseMode);
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_FormAndQueryParameters_AreAcceptedLikeTelegram()
    {
        await using var sim = await SimulatorSession.StartAsync();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["chat_id"] = "7",
            ["text"] = "form text",
            ["reply_markup"] = """{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}""",
        });

        using var formAnswer = await sim.Http.PostAsync($"./bot{SimulatorSession.Token}/sendMessage", form);
        using var queryAnswer = await sim.Http.GetAsync($"./bot{SimulatorSession.Token}/SENDMESSAGE?chat_id=8&text=query%20text");

        Assert.Equal(200, (int)formAnswer.StatusCode);
        Assert.Equal(200, (int)queryAnswer.StatusCode);
        var deliveries = sim.State.GetDeliveries();
        Assert.Equal(["form text", "query text"], deliveries.Select(d => d.Text));
        Assert.NotNull(deliveries[0].ReplyMarkup);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("""{"chat_id":1}""", "Bad Request: message text is empty")]
    [InlineData("""{"text":"x"}""", "Bad Request: chat_id is empty")]
    [InlineData("""{"chat_id":1,"text":"x","parse_mode":"BBCode"}""", "Bad Request: unsupported parse_mode")]
    [InlineData("""{"chat_id":1,"text":"x","reply_markup":{"inline_keyboard":[[{"text":"no action"}]]}}""", "Bad Request: can't parse reply keyboard markup JSON object")]
    [InlineData("""{"chat_id":"@nobody_here","text":"x"}""", "Bad Request: chat not found")]
    public async Task SendMessage_BadParameters_Answers400WithTelegramsText(string json, string description)
    {
        await using var sim = await SimulatorSession.StartAsync();

        var (status, body) = await sim.CallAsync("sendMessage", JsonDocument.Parse(json).RootElement);

        Assert.Equal(400, status);
        Assert.Equal(description, body.GetProperty("description").GetString());
        Assert.Empty(sim.State.GetDeliveries());
    }

    [Fact(Timeout = 60_000)]
    public async Task SendMessage_TextOverMaxLength_Answers400TooLong()
    {
        await using var sim = await SimulatorSession.StartAsync();

        var (status, body) = await sim.SendAsync(1, new string('x', 4097));
        var (okStatus, _) = await sim.SendAsync(2, new string('x', 4096));

        Assert.Equal(400, status);
        Assert.Equal("Bad Request: message is too long", body.GetProperty("description").GetString());
        Assert.Equal(200, okStatus);
    }

    [Fact(Timeout = 60_000)]
    public async Task EditMessageText_SentMessage_UpdatesTheRecordAndRefusesNoChange()
    {
        await using var sim = await SimulatorSession.StartAsync();
        var (_, sent) = await sim.SendAsync(42, "first");
        var messageId = sent.GetProperty("result").GetProperty("message_id").GetInt64();

        var (status, edited) = await sim.CallAsync("editMessageText", new { chat_id = 42, message_id = messageId, text = "second" });
        var (sameStatus, same) = await sim.CallAsync("editMessageText", new { chat_id = 42, message_id = messageId, text = "second" });
        var (missingStatus, missing) = await sim.CallAsync("editMessageText", new { chat_id = 42, message_id = 99, text = "x" });

        Assert.Equal(200, status);
        Assert.Equal("second", edited.GetProperty("result").GetProperty("text").GetString());
        Assert.True(edited.GetProperty("result").TryGetProperty("edit_date", out _));
        Assert.Equal(400, sameStatus);
        Assert.StartsWith("Bad Request: message is not modified", same.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(400, missingStatus);
        Assert.Equal("Bad Request: message to edit not found", missing.GetProperty("description").GetString());
        var delivery = Assert.Single(sim.State.GetDeliveries());
        Assert.Equal(("first", "second"), (delivery.Text, delivery.EditedText));
        Assert.Equal(1, sim.State.GetStats().Bots[0].Edited);
    }

    [Fact(Timeout = 60_000)]
    public async Task DeleteMessage_SentMessage_MarksItDeletedOnce()
    {
        await using var sim = await SimulatorSession.StartAsync();
        var (_, sent) = await sim.SendAsync(42, "bye");
        var messageId = sent.GetProperty("result").GetProperty("message_id").GetInt64();

        var (status, deleted) = await sim.CallAsync("deleteMessage", new { chat_id = 42, message_id = messageId });
        var (againStatus, again) = await sim.CallAsync("deleteMessage", new { chat_id = 42, message_id = messageId });
        var (editStatus, _) = await sim.CallAsync("editMessageText", new { chat_id = 42, message_id = messageId, text = "x" });

        Assert.Equal(200, status);
        Assert.True(deleted.GetProperty("result").GetBoolean());
        Assert.Equal(400, againStatus);
        Assert.Equal("Bad Request: message to delete not found", again.GetProperty("description").GetString());
        Assert.Equal(400, editStatus);
        Assert.NotNull(Assert.Single(sim.State.GetDeliveries()).DeletedAt);
    }

    [Fact(Timeout = 60_000)]
    public async Task UnknownMethod_Answers404NotFound()
    {
        await using var sim = await SimulatorSession.StartAsync();

        var (status, body) = await sim.CallRawAsync("sendCarrierPigeon", new { });

        Assert.Equal(404, status);
        Assert.Equal("""{"ok":false,"error_code":404,"description":"Not Found"}""", body);
    }
}
