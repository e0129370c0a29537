using System.Reflection;
using System.Runtime.InteropServices;

namespace Herald.Platforms.TelegramUser.Td;

/// <summary>
/// Finds and loads <c>libtdjson</c>: the configured path (<c>Herald:TelegramUser:TdJsonPath</c>), else
/// <c>node_modules/@prebuilt-tdlib/&lt;platform&gt;/</c> in the app's directory or any directory above it (or above
/// the current directory), which is where <c>npm ci</c> puts npm <c>prebuilt-tdlib</c>'s build. Loaded once per process.
/// </summary>
public static class TdJsonLibrary
{
    /// <summary>The setting that names the library's path.</summary>
    public const string PathSetting = "Herald:TelegramUser:TdJsonPath";

    private static readonly Lock Gate = new();
    private static nint _handle;
    private static string? _loadedFrom;
    private static bool _resolverSet;

    /// <summary>Where the library was loaded from, or null before <see cref="Load"/>.</summary>
    public static string? LoadedFrom => _loadedFrom;

    /// <summary>
    /// Loads the library (once; later calls return the first path) and routes Herald's P/Invoke calls to it.
    /// </summary>
    /// <param name="configuredPath">The configured file (or directory holding it), or null to search node_modules.</param>
    /// <returns>The file loaded.</returns>
    /// <exception cref="TdJsonNotFoundException">No library was found, or it would not load; the message names the setting.</exception>
    public static string Load(string? configuredPath = null)
    {
        lock (Gate)
        {
            if (_loadedFrom is not null)
            {
                return _loadedFrom;
            }

            var path = Locate(configuredPath);
            if (!NativeLibrary.TryLoad(path, out var handle))
            {
                throw new TdJsonNotFoundException($"libtdjson at '{path}' would not load (wrong platform or missing dependencies); set {PathSetting} to a build for this machine.");
            }

            _handle = handle;
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(TdJsonLibrary).Assembly, Resolve);
                _resolverSet = true;
            }

            _loadedFrom = path;

            // TDLib's own log (stderr) would carry phone numbers and message texts at its default verbosity: errors only.
            TdJsonNative.Execute("""{"@type":"setLogVerbosityLevel","new_verbosity_level":1}""");
            return path;
        }
    }

    /// <summary>The file <see cref="Load"/> would use.</summary>
    /// <exception cref="TdJsonNotFoundException">There is none; the message names <see cref="PathSetting"/>.</exception>
    public static string Locate(string? configuredPath = null) =>
        Find(configuredPath) ?? throw new TdJsonNotFoundException(
            $"libtdjson was not found{(string.IsNullOrWhiteSpace(configuredPath) ? "" : $" at '{configuredPath}'")}: run `npm ci` in the repository " +
            $"(npm prebuilt-tdlib puts it under node_modules/@prebuilt-tdlib/) or set {PathSetting} to the library's path.");

    /// <summary>The file <see cref="Load"/> would use, or null when there is none.</summary>
    public static string? Find(string? configuredPath = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath);
            return File.Exists(full) ? full
                : Directory.Exists(full) && File.Exists(Path.Combine(full, FileName)) ? Path.Combine(full, FileName)
                : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", "@prebuilt-tdlib", PlatformPackage, FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string FileName =>
        OperatingSystem.IsWindows() ? "tdjson.dll" : OperatingSystem.IsMacOS() ? "libtdjson.dylib" : "libtdjson.so";

    // npm prebuilt-tdlib's platform packages: linux-x64-glibc, linux-arm64-musl, darwin-arm64, win32-x64…
    private static string PlatformPackage
    {
        get
        {
            var arch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "arm64" : "x64";
            if (OperatingSystem.IsWindows())
            {
                return "win32-" + arch;
            }

            if (OperatingSystem.IsMacOS())
            {
                return "darwin-" + arch;
            }

            var musl = RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.OrdinalIgnoreCase);
            return $"linux-{arch}-{(musl ? "musl" : "glibc")}";
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == TdJsonNative.LibraryName ? _handle : 0;
}
