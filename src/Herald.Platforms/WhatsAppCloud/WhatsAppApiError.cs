namespace Herald.Platforms.WhatsAppCloud;

/// <summary>Where a failed Cloud API call failed.</summary>
public enum WhatsAppErrorSource
{
    /// <summary>The Cloud API answered with an error object.</summary>
    Api,

    /// <summary>No connection (refused, reset, DNS).</summary>
    Network,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>An answer that is not the Cloud API's JSON.</summary>
    Protocol,
}

/// <summary>A failed Cloud API call: <c>{"error":{"message","type","code","error_subcode","fbtrace_id"}}</c> or a transport failure.</summary>
/// <param name="Source">Where it failed.</param>
/// <param name="HttpStatus">The HTTP status (0 without an answer).</param>
/// <param name="Code">The Graph API error code (130429, 131047, 190…; 0 without one).</param>
/// <param name="Subcode">The <c>error_subcode</c>, when given.</param>
/// <param name="Message">The error message (never carries the token).</param>
public sealed record WhatsAppApiError(WhatsAppErrorSource Source, int HttpStatus, int Code, int? Subcode, string Message);
