using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Herald.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Engine.Tests.Infrastructure;

/// <summary>Counts the requests sent through the storage clients it is added to, by kind, while <see cref="On"/>.</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private readonly List<string> _requests = [];

    /// <summary>Counting only while true.</summary>
    public bool On { get; set; }

    /// <summary>Every request counted: method and path (the query string left out).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public void Reset()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    /// <summary>Registers the engine's table client on <paramref name="connectionString"/> with this counter in its pipeline.</summary>
    public void CountTables(IServiceCollection services, string connectionString)
    {
        var options = StorageClientOptions.Tables();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        services.AddSingleton(new TableServiceClient(connectionString, options));
    }

    public override void OnSendingRequest(HttpMessage message)
    {
        if (!On)
        {
            return;
        }

        lock (_requests)
        {
            _requests.Add($"{message.Request.Method} {Uri.UnescapeDataString(message.Request.Uri.Path)}");
        }
    }
}
