namespace Scraps.Audio.Wav;

/// <summary>
/// The parsed 'fmt ' chunk. <see cref="Encoding"/> is null for a codec our reader does not decode
/// (<see cref="FormatTag"/> then names it); <see cref="FormatTag"/> is the effective tag (the sub-format of
/// WAVE_FORMAT_EXTENSIBLE) and <see cref="TagOffset"/> its file offset.
/// </summary>
internal sealed record WavFormat(
    int FormatTag,
    WavEncoding? Encoding,
    int Channels,
    int SampleRate,
    int BlockAlign,
    int BitsPerSample,
    bool IsExtensible,
    long TagOffset)
{
    public int BytesPerSample => BlockAlign / Channels;
}
