using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Herald.Functions.Tests.Infrastructure;

/// <summary>A request as the Functions host hands it to an HTTP function: a real <see cref="DefaultHttpContext"/>.</summary>
public sealed class FunctionCall
{
    private readonly MemoryStream _body = new();

    public FunctionCall(string method, string pathAndQuery, string? json = null, string? apiKey = TestSettings.ApiKey)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        Context.Request.Method = method;
        Context.Request.Scheme = "http";
        Context.Request.Host = new HostString("herald-functions.localhost");
        Context.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        Context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (apiKey is not null)
        {
            Context.Request.Headers["X-Api-Key"] = apiKey;
        }

        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            Context.Request.ContentType = "application/json";
            Context.Request.ContentLength = bytes.Length;
            Context.Request.Body = new MemoryStream(bytes);
        }

        Context.Response.Body = _body;
    }

    public DefaultHttpContext Context { get; } = new();

    public HttpRequest Request => Context.Request;

    public int Status => Context.Response.StatusCode;

    public string Body => Encoding.UTF8.GetString(_body.ToArray());

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Header(string name) => Context.Response.Headers.TryGetValue(name, out var value) ? value.ToString() : null;
}
