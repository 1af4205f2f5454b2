namespace Scraps.Data;

/// <summary>
/// One non-blank line of a manifest as read: either a valid <see cref="Entry"/> or an <see cref="Error"/>
/// that says what is wrong with it. <see cref="LineNumber"/> counts from 1.
/// </summary>
public sealed record ManifestLine(int LineNumber, ManifestEntry? Entry, string? Error)
{
    public bool IsValid => Entry is not null;
}
