namespace Scraps.Audio.Wav;

/// <summary>Where a WAV file's samples are: the format plus the byte range of whole frames in the data chunk.</summary>
/// <param name="DataOffset">File offset of the first sample byte.</param>
/// <param name="DataLength">Bytes of whole frames available (a trailing partial frame is dropped).</param>
/// <param name="IsTruncated">The data chunk claims more bytes than the file holds; we read what is there.</param>
/// <param name="ReadToEnd">The data chunk size was 0 or 0xFFFFFFFF (a streaming writer), so it runs to the end of the file.</param>
internal sealed record WavLayout(WavFormat Format, long DataOffset, long DataLength, bool IsTruncated, bool ReadToEnd)
{
    public long Frames => DataLength / Format.BlockAlign;
}
