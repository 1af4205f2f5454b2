using System.Text.RegularExpressions;

namespace Scraps.Inference.Manifests;

/// <summary>
/// A JSON error of one manifest line in the user's terms: System.Text.Json ends its messages with " LineNumber: 0 |
/// BytePositionInLine: 12.", counted within the single line it was given (always line 0), which reads as a wrong line
/// number next to the file's. The line is named by the caller; this gives the column instead.
/// </summary>
public static partial class JsonLineError
{
    public static string Describe(System.Text.Json.JsonException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = Position().Replace(error.Message, string.Empty).TrimEnd();
        return error.BytePositionInLine is { } column ? $"{message.TrimEnd('.')} (at character {column + 1})" : message;
    }

    [GeneratedRegex(@"\s*(Path: [^|]*\| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex Position();
}
