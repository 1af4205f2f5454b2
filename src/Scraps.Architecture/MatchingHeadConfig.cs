namespace Scraps.Architecture;

/// <summary>
/// The matching head of <see cref="ScrapsModelConfig.MatchingHead"/> (as the image-text matching heads of ALBEF and
/// BLIP, per phone): the transcript's phone states (the phonetic encoder's per-token outputs) attend to each other and
/// to the clip's frames (the phone branch's 25 ms features, or the acoustic encoder's output without a branch), and
/// each phone gets a logit that the audio supports it. Trained on hard negatives whose changed phones are known.
/// </summary>
public sealed record MatchingHeadConfig
{
    /// <summary>Layers of self-attention over the phones, cross-attention to the frames and a feed-forward block.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Width of the head (both inputs are projected to it).</summary>
    public int Dim { get; init; } = 128;

    public int Heads { get; init; } = 4;

    internal IEnumerable<string> Problems()
    {
        if (Layers < 1)
        {
            yield return $"matchingHead.layers must be at least 1, not {Layers}";
        }
        if (Dim < 2 || Dim % 2 != 0 || Heads < 1 || Dim % Heads != 0)
        {
            yield return $"matchingHead.dim must be an even number divisible by matchingHead.heads, not {Dim} and {Heads}";
        }
    }
}
