using Scraps.Audio;

namespace Scraps.Cli.Eval;

/// <summary>The two encoders an evaluation runs: SCRAPS vectors of standardised spectrograms and of phoneme id sequences.</summary>
internal interface IPairEncoder
{
    /// <summary>One vector per clip, in order.</summary>
    float[][] EncodeAudio(IReadOnlyList<LogMel> features, CancellationToken cancellationToken);

    /// <summary>One vector per phoneme sequence, in order.</summary>
    float[][] EncodePhonemes(IReadOnlyList<long[]> phonemes, CancellationToken cancellationToken);
}
