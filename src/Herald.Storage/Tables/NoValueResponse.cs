using Azure;

namespace Herald.Storage.Tables;

/// <summary>The answer of an <c>...IfExists</c> call that found nothing.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T? Value => throw new InvalidOperationException("The entity does not exist (HasValue is false).");

    public override Response GetRawResponse() => response;
}
