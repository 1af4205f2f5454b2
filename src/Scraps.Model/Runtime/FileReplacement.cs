namespace Scraps.Model.Runtime;

/// <summary>
/// Writes a file's new bytes to a hidden temporary file beside it and renames that over the file: readers never see
/// a half-written file, concurrent writers never share a temporary, and a hard link to the old file keeps its bytes.
/// </summary>
internal static class FileReplacement
{
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, full, overwrite: true);
    }
}
