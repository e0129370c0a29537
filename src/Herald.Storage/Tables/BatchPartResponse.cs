using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Herald.Storage.Tables;

/// <summary>One operation's answer inside a transaction's multipart response.</summary>
internal sealed class BatchPartResponse(int status, string reasonPhrase) : Response
{
    private readonly List<HttpHeader> _headers = [];

    public override int Status { get; } = status;

    public override string ReasonPhrase { get; } = reasonPhrase;

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = string.Empty;

    public string Body { get; private set; } = string.Empty;

    public void AddHeader(string name, string value) => _headers.Add(new HttpHeader(name, value));

    public void SetBody(string body)
    {
        Body = body;
        ContentStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body), writable: false);
    }

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => _headers.Exists(h => Is(h, name));

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        value = _headers.FirstOrDefault(h => Is(h, name)).Value;
        return value is not null;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = _headers.Where(h => Is(h, name)).Select(h => h.Value).ToList();
        values = found.Count > 0 ? found : null;
        return values is not null;
    }

    private static bool Is(HttpHeader header, string name) => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase);
}
