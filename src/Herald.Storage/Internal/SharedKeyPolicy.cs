using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Herald.Storage.Internal;

/// <summary>Signs every attempt (after retries re-enter) with a fresh <c>x-ms-date</c> and a Shared Key signature.</summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, StorageService service, TimeProvider timeProvider)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        var stringToSign = service == StorageService.Table
            ? SharedKeySigning.TableStringToSign(request, credential.AccountName)
            : SharedKeySigning.QueueStringToSign(request, credential.AccountName);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}

/// <summary>Which Storage service a request goes to (they sign differently).</summary>
internal enum StorageService
{
    Table,
    Queue,
}
