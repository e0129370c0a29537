using Azure.Core;
using Azure.Core.Pipeline;

namespace Herald.Storage.Internal;

/// <summary>Builds the Azure.Core pipeline (retries from <see cref="ClientOptions.Retry"/>, then the auth policy per attempt).</summary>
internal static class StoragePipeline
{
    /// <summary>The OAuth scope of Azure Storage.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    public static HttpPipeline Build(ClientOptions options, HttpPipelinePolicy authPolicy)
    {
        var pipelineOptions = new HttpPipelineOptions(options) { ResponseClassifier = new StorageResponseClassifier() };
        pipelineOptions.PerRetryPolicies.Add(authPolicy);
        return HttpPipelineBuilder.Build(pipelineOptions);
    }

    public static HttpPipelinePolicy SharedKey(StorageSharedKeyCredential credential, StorageService service, TimeProvider timeProvider) =>
        new SharedKeyPolicy(credential, service, timeProvider);

    /// <summary>Microsoft Entra ID bearer tokens; Azure.Core refuses to send them over plain http.</summary>
    public static HttpPipelinePolicy Bearer(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, StorageScope);
}
