using System.Text;

namespace Herald.Host.Imports;

/// <summary>
/// Cleans an uploaded file's name before it is kept and shown (R36: reports show where a list came from): the last path
/// segment only, at most 100 characters, letters, digits, space and <c>. _ - ( )</c>; anything else becomes <c>_</c>, so
/// no markup or control character can reach a dashboard or a CSV.
/// </summary>
public static class UploadNames
{
    /// <summary>The longest name kept.</summary>
    public const int MaxLength = 100;

    /// <summary>The cleaned name, or null when nothing usable is left.</summary>
    public static string? Clean(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        var last = fileName.Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..].Trim();
        var cleaned = new StringBuilder(Math.Min(last.Length, MaxLength));
        foreach (var c in last.Take(MaxLength))
        {
            cleaned.Append(char.IsLetterOrDigit(c) || c is ' ' or '.' or '_' or '-' or '(' or ')' ? c : '_');
        }

        var result = cleaned.ToString().Trim();
        return result.Trim('.', '_').Length == 0 ? null : result;
    }
}
