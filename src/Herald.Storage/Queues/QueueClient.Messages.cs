using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Herald.Storage.Queues;

public partial class QueueClient
{
    /// <summary>
    /// Sends a message. <paramref name="visibilityTimeout"/> delays it (0 s – 7 days, default 0);
    /// <paramref name="timeToLive"/> bounds its life (default 7 days; <c>TimeSpan.FromSeconds(-1)</c> never expires).
    /// Seconds are rounded up.
    /// </summary>
    /// <exception cref="ArgumentException">The encoded message is over 64 KiB, or a time is out of range (checked before any request).</exception>
    public virtual async Task<Response<SendReceipt>> SendMessageAsync(string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var body = EncodeMessage(messageText);
        var visibility = visibilityTimeout is { } v ? CheckVisibility(v, nameof(visibilityTimeout), minSeconds: 0) : (long?)null;
        long? ttl = null;
        if (timeToLive is { } t)
        {
            ttl = t == TimeSpan.FromSeconds(-1) ? -1 : CeilingSeconds(t);
            if (ttl is 0 or < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(timeToLive), t, "A time-to-live is at least 1 second, or TimeSpan.FromSeconds(-1) for never.");
            }

            if (ttl > 0 && visibility >= ttl)
            {
                throw new ArgumentException("The visibility delay must be shorter than the time-to-live.", nameof(visibilityTimeout));
            }
        }

        using var request = CreateRequest(RequestMethod.Post, "messages");
        AppendSeconds(request, "visibilitytimeout", visibility);
        AppendSeconds(request, "messagettl", ttl);
        SetXml(request, body);
        var response = await SendAsync(request, $"Send message to '{Name}'", cancellationToken).ConfigureAwait(false);
        var message = ReadMessages(response).FirstOrDefault()
            ?? throw new RequestFailedException(response.Status, $"Send message to '{Name}': the answer holds no message.", null, null);
        return Response.FromValue(
            new SendReceipt(
                Text(message, "MessageId")!,
                Text(message, "PopReceipt")!,
                Date(message, "InsertionTime") ?? default,
                Date(message, "ExpirationTime") ?? default,
                Date(message, "TimeNextVisible") ?? default),
            response);
    }

    /// <summary>
    /// Receives 1–32 visible messages (default 1), hiding them for <paramref name="visibilityTimeout"/>
    /// (1 s – 7 days, default 30 s). An empty array when none is visible.
    /// </summary>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(int? maxMessages = null, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var count = CheckCount(maxMessages);
        var visibility = visibilityTimeout is { } v ? CheckVisibility(v, nameof(visibilityTimeout), minSeconds: 1) : (long?)null;
        using var request = CreateRequest(RequestMethod.Get, "messages");
        AppendSeconds(request, "numofmessages", count);
        AppendSeconds(request, "visibilitytimeout", visibility);
        var response = await SendAsync(request, $"Receive messages from '{Name}'", cancellationToken).ConfigureAwait(false);
        var messages = ReadMessages(response).Select(m => new QueueMessage
        {
            MessageId = Text(m, "MessageId")!,
            PopReceipt = Text(m, "PopReceipt")!,
            Body = DecodeMessage(Text(m, "MessageText") ?? string.Empty),
            DequeueCount = long.Parse(Text(m, "DequeueCount") ?? "0", CultureInfo.InvariantCulture),
            InsertedOn = Date(m, "InsertionTime"),
            ExpiresOn = Date(m, "ExpirationTime"),
            NextVisibleOn = Date(m, "TimeNextVisible"),
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>Looks at 1–32 visible messages (default 1) without receiving them.</summary>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var count = CheckCount(maxMessages);
        using var request = CreateRequest(RequestMethod.Get, "messages");
        request.Uri.AppendQuery("peekonly", "true");
        AppendSeconds(request, "numofmessages", count);
        var response = await SendAsync(request, $"Peek messages of '{Name}'", cancellationToken).ConfigureAwait(false);
        var messages = ReadMessages(response).Select(m => new PeekedMessage
        {
            MessageId = Text(m, "MessageId")!,
            Body = DecodeMessage(Text(m, "MessageText") ?? string.Empty),
            DequeueCount = long.Parse(Text(m, "DequeueCount") ?? "0", CultureInfo.InvariantCulture),
            InsertedOn = Date(m, "InsertionTime"),
            ExpiresOn = Date(m, "ExpirationTime"),
        }).ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>
    /// Makes a received message invisible for <paramref name="visibilityTimeout"/> from now (0 s – 7 days; 0 releases it
    /// at once) and, when <paramref name="messageText"/> is not null, replaces its text. Returns the new pop receipt;
    /// a stale receipt throws 404 <c>MessageNotFound</c> (or 400 <c>PopReceiptMismatch</c>).
    /// </summary>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(popReceipt);
        var visibility = CheckVisibility(visibilityTimeout, nameof(visibilityTimeout), minSeconds: 0);
        var body = messageText is null ? null : EncodeMessage(messageText);
        using var request = CreateRequest(RequestMethod.Put, "messages/" + Uri.EscapeDataString(messageId));
        request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        AppendSeconds(request, "visibilitytimeout", visibility);
        if (body is not null)
        {
            SetXml(request, body);
        }

        var response = await SendAsync(request, $"Update message in '{Name}'", cancellationToken).ConfigureAwait(false);
        response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt);
        response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible);
        return Response.FromValue(
            new UpdateReceipt(newReceipt ?? string.Empty, nextVisible is null ? default : ParseDate(nextVisible)),
            response);
    }

    /// <summary>Deletes a received message; a stale receipt throws 404 <c>MessageNotFound</c> (or 400 <c>PopReceiptMismatch</c>).</summary>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(popReceipt);
        using var request = CreateRequest(RequestMethod.Delete, "messages/" + Uri.EscapeDataString(messageId));
        request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        return await SendAsync(request, $"Delete message from '{Name}'", cancellationToken).ConfigureAwait(false);
    }

    private string EncodeMessage(string messageText)
    {
        var encoded = _encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(messageText)) : messageText;
        var size = Encoding.UTF8.GetByteCount(encoded);
        if (size > MaxMessageBytes)
        {
            throw new ArgumentException(
                $"The message is {size} bytes after {_encoding} encoding; a queue message is at most {MaxMessageBytes} bytes (64 KiB).", nameof(messageText));
        }

        return encoded;
    }

    private BinaryData DecodeMessage(string text)
    {
        if (_encoding == QueueMessageEncoding.Base64)
        {
            var buffer = new byte[text.Length];
            // A message someone else put without base64 is kept as its raw text rather than failing the whole receive.
            if (Convert.TryFromBase64String(text, buffer, out var written))
            {
                return new BinaryData(buffer.AsMemory(0, written));
            }
        }

        return BinaryData.FromString(text);
    }

    private static long CheckVisibility(TimeSpan value, string name, int minSeconds)
    {
        var seconds = CeilingSeconds(value);
        if (seconds < minSeconds || value > MaxVisibilityTimeout)
        {
            throw new ArgumentOutOfRangeException(name, value, $"A visibility timeout is {minSeconds} s to 7 days.");
        }

        return seconds;
    }

    private static int CheckCount(int? maxMessages) => maxMessages switch
    {
        null => 1,
        >= 1 and <= MaxMessagesPerReceive => maxMessages.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, $"Receive 1 to {MaxMessagesPerReceive} messages at a time."),
    };

    private static long CeilingSeconds(TimeSpan value) => (long)Math.Ceiling(value.TotalSeconds);

    private static void AppendSeconds(Request request, string name, long? value)
    {
        if (value is { } v)
        {
            request.Uri.AppendQuery(name, v.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }
    }

    private static void SetXml(Request request, string encodedText)
    {
        var xml = new XElement("QueueMessage", new XElement("MessageText", encodedText)).ToString(SaveOptions.DisableFormatting);
        request.Headers.Add("Content-Type", "application/xml; charset=utf-8");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(xml));
    }

    private static IEnumerable<XElement> ReadMessages(Response response)
    {
        if (response.Content.ToMemory().IsEmpty)
        {
            return [];
        }

        var document = XDocument.Parse(response.Content.ToString());
        return document.Root?.Elements("QueueMessage") ?? [];
    }

    private static string? Text(XElement message, string name) => message.Element(name)?.Value;

    private static DateTimeOffset? Date(XElement message, string name) =>
        Text(message, name) is { Length: > 0 } text ? ParseDate(text) : null;

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
