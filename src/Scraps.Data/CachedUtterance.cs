namespace Scraps.Data;

/// <summary>
/// One utterance of a <see cref="FeatureCache"/>: <see cref="Index"/> is its position in
/// <see cref="FeatureCache.Utterances"/>, <see cref="Frames"/> the number of 80-bin log-mel frames stored,
/// <see cref="PhonemeIds"/> the phoneme token ids (inventory <see cref="FeatureCache.InventoryVersion"/>).
/// </summary>
public sealed record CachedUtterance(int Index, string Id, string Split, string Voice, int Frames, int[] PhonemeIds, string Text)
{
    /// <summary>
    /// Where each phone of the transcript sounds, in frames: pairs (start, end) in the order of the Phone tokens of
    /// <see cref="PhonemeIds"/> (<see cref="PhoneFrameSpans"/>); null for a clip without phone times.
    /// </summary>
    public int[]? PhoneFrames { get; init; }
}
