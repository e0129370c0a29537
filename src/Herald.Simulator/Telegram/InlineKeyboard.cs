using System.Text;
using System.Text.Json;

namespace Herald.Simulator.Telegram;

/// <summary>Checks a <c>reply_markup</c> the way Telegram does for an inline keyboard.</summary>
internal static class InlineKeyboard
{
    private static readonly string[] Actions = ["url", "callback_data", "switch_inline_query", "switch_inline_query_current_chat", "login_url", "web_app", "pay", "copy_text"];

    /// <summary>
    /// True for <c>{"inline_keyboard":[[button, …], …]}</c> where each button has a non-empty
    /// <c>text</c> and exactly one action, and <c>callback_data</c> is 1–64 bytes.
    /// </summary>
    public static bool IsValid(JsonElement markup)
    {
        if (markup.ValueKind != JsonValueKind.Object
            || !markup.TryGetProperty("inline_keyboard", out var rows)
            || rows.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            foreach (var button in row.EnumerateArray())
            {
                if (!IsValidButton(button))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsValidButton(JsonElement button)
    {
        if (button.ValueKind != JsonValueKind.Object
            || !button.TryGetProperty("text", out var text)
            || text.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(text.GetString()))
        {
            return false;
        }

        if (Actions.Count(a => button.TryGetProperty(a, out _)) != 1)
        {
            return false;
        }

        return !button.TryGetProperty("callback_data", out var data)
            || (data.ValueKind == JsonValueKind.String && Encoding.UTF8.GetByteCount(data.GetString()!) is >= 1 and <= 64);
    }
}
