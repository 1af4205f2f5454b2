namespace Scraps.Audio.Decoding;

/// <summary>Containers told apart by their first bytes.</summary>
internal enum ContainerKind
{
    Unknown,
    Wav,
    Flac,
    Ogg,
    Mp3,
    /// <summary>Other containers libsndfile reads (AIFF, AU, CAF, W64, RIFX, RF64...).</summary>
    OtherSndFile,
}
