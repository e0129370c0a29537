using System.Runtime.InteropServices;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// TDLib's JSON C interface (<c>td/telegram/td_json_client.h</c>). The library name is resolved by
/// <see cref="TdJsonLibrary"/> (node_modules or a configured path), never by the system's search path alone.
/// </summary>
internal static partial class TdJsonNative
{
    /// <summary>The name the resolver answers for.</summary>
    public const string LibraryName = "tdjson";

    [LibraryImport(LibraryName, EntryPoint = "td_create_client_id")]
    public static partial int CreateClientId();

    [LibraryImport(LibraryName, EntryPoint = "td_send", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void Send(int clientId, string request);

    // The answer is TDLib's buffer, valid until the next call: copied, never freed (hence nint, not string).
    [LibraryImport(LibraryName, EntryPoint = "td_receive")]
    public static partial nint Receive(double timeout);

    [LibraryImport(LibraryName, EntryPoint = "td_execute", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Execute(string request);
}
