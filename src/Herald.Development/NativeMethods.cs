using System.Runtime.InteropServices;

namespace Herald.Development;

/// <summary>POSIX signals: .NET can only SIGKILL a process, and Azurite deserves a SIGTERM first.</summary>
internal static partial class NativeMethods
{
    public const int SigTerm = 15;

    // Linux numbering (macOS and the BSDs use 17 and 19).
    public const int SigStopLinux = 19;
    public const int SigContLinux = 18;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
