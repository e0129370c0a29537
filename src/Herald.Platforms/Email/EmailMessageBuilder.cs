using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Herald.Platforms.Abstractions;
using MimeKit;
using MimeKit.Utils;

namespace Herald.Platforms.Email;

/// <summary>
/// Builds the MIME message of one rendered action: a first line <c>Subject: …</c> is the subject; the rest is the
/// plain-text body, and the HTML body is the same text HTML-escaped (so no recipient field can inject markup), in
/// paragraphs, with links made clickable. <c>List-Unsubscribe</c> (the host's one-click URL with a sealed token) and
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058) are added when configured.
/// </summary>
internal static partial class EmailMessageBuilder
{
    private const string SubjectPrefix = "Subject:";

    /// <summary>The recipient's address: the field <c>email</c>, or a username that is an address; null when none.</summary>
    public static string? AddressOf(PlatformAction action)
    {
        var recipient = action.Recipient;
        var value = recipient.Fields?.FirstOrDefault(f => string.Equals(f.Key, "email", StringComparison.OrdinalIgnoreCase)).Value
            ?? (recipient.Username is { } u && u.Contains('@', StringComparison.Ordinal) ? u : null);
        return value is not null && MailboxAddress.TryParse(value.Trim(), out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal) ? parsed.Address : null;
    }

    public static MimeMessage Build(EmailCredentials from, string to, string text, PlatformAccount account, PlatformAction action, EmailOptions options)
    {
        var (subject, body) = Split(text, options.DefaultSubject);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.FromName ?? "", from.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.MessageId = MimeUtils.GenerateMessageId(from.FromAddress[(from.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        string? unsubscribe = null;
        if (options.UnsubscribeUrl is { } url && options.UnsubscribeSecret is { } secret)
        {
            var token = UnsubscribeToken.Create(secret, account.TenantId, action.Recipient.Key);
            unsubscribe = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "t=" + token;
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var builder = new BodyBuilder
        {
            TextBody = unsubscribe is null ? body : body + "\n\n--\nUnsubscribe: " + unsubscribe,
            HtmlBody = Html(body, unsubscribe),
        };
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static (string Subject, string Body) Split(string text, string defaultSubject)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.StartsWith(SubjectPrefix, StringComparison.OrdinalIgnoreCase))
        {
            var end = normalized.IndexOf('\n', StringComparison.Ordinal);
            var subject = (end < 0 ? normalized[SubjectPrefix.Length..] : normalized[SubjectPrefix.Length..end]).Trim();
            return (subject, end < 0 ? "" : normalized[(end + 1)..].TrimStart('\n'));
        }

        return (defaultSubject, normalized);
    }

    private static string Html(string body, string? unsubscribe)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>");
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var escaped = WebUtility.HtmlEncode(paragraph.Trim('\n'));
            escaped = Url().Replace(escaped, m => $"<a href=\"{m.Value}\">{m.Value}</a>");
            html.Append("<p>").Append(escaped.Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (unsubscribe is not null)
        {
            html.Append("<p style=\"font-size:small\"><a href=\"").Append(WebUtility.HtmlEncode(unsubscribe)).Append("\">Unsubscribe</a></p>");
        }

        return html.Append("</body></html>").ToString();
    }

    // Runs on HTML-escaped text: &amp; and friends stay inside the link (they are its escaped form).
    [GeneratedRegex(@"https?://[^\s<>""']+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Url();
}
