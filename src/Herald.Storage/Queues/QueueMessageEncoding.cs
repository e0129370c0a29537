namespace Herald.Storage.Queues;

/// <summary>How message text travels in the XML body.</summary>
public enum QueueMessageEncoding
{
    /// <summary>UTF-8 text as base64 (Herald's default: what Azure Functions queue triggers expect, and safe for any text).</summary>
    Base64,

    /// <summary>The text as is (must be valid in XML).</summary>
    None,
}
