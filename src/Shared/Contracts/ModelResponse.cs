using System.Text.Json.Nodes;

#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>The loaded model: identity, sizes, phoneme inventory, calibration, training record and the service's input limits.</summary>
sealed partial record ModelResponse
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    /// <summary>When the package was made.</summary>
    public required DateTimeOffset Created { get; init; }

    public required ModelDimensions Dimensions { get; init; }

    public required PhonemeInventoryDescription Inventory { get; init; }

    public required G2pDescription G2p { get; init; }

    public required CalibrationDescription Calibration { get; init; }

    /// <summary>Free-form record of how the model was trained (data, steps, metrics), as stored in the package.</summary>
    public JsonObject? TrainingSummary { get; init; }

    /// <summary>Where the graphs run: "Cpu" or "Cuda".</summary>
    public required string ExecutionProvider { get; init; }

    /// <summary>What was asked for, what runs, on which GPUs, and why.</summary>
    public required ProviderDescription Provider { get; init; }

    public required InputLimits Limits { get; init; }
}

/// <summary>The execution provider in use and why.</summary>
sealed partial record ProviderDescription
{
    /// <summary>The configured provider: "Auto", "Cpu" or "Cuda".</summary>
    public required string Requested { get; init; }

    /// <summary>Where the graphs run: "Cpu" or "Cuda".</summary>
    public required string Running { get; init; }

    /// <summary>CUDA device ordinals with a session each (empty on CPU).</summary>
    public required IReadOnlyList<int> Devices { get; init; }

    /// <summary>Why this provider, e.g. "requested", or the CUDA error that made Auto fall back to CPU.</summary>
    public required string Reason { get; init; }
}

/// <summary>The network's sizes.</summary>
sealed partial record ModelDimensions
{
    /// <summary>Size of the SCRAPS vectors (the shared LSTM's hidden size).</summary>
    public required int Embedding { get; init; }

    /// <summary>Backbone width (values per step of the <c>sequence</c> outputs).</summary>
    public required int Backbone { get; init; }

    public required int Layers { get; init; }

    public required int Heads { get; init; }

    public required int FeedForward { get; init; }

    public required int MelBins { get; init; }

    /// <summary>Acoustic frame subsampling factor (1, 2 or 4).</summary>
    public required int AcousticSubsampling { get; init; }

    /// <summary>Size of the positional table: the longest phoneme sequence or subsampled frame sequence the model takes.</summary>
    public required int MaxPositions { get; init; }

    /// <summary>Phoneme vocabulary size including the padding id 0.</summary>
    public required int VocabularySize { get; init; }

    /// <summary>Whether the model has the CTC head: alignment scores, the combined verdict and per-word answers (score with words=true).</summary>
    public required bool CtcHead { get; init; }
}

/// <summary>The model's phoneme inventory.</summary>
sealed partial record PhonemeInventoryDescription
{
    public required string Version { get; init; }

    public required IReadOnlyList<PhonemeDescription> Symbols { get; init; }
}

/// <summary>One phoneme token.</summary>
sealed partial record PhonemeDescription
{
    public required int Id { get; init; }

    public required string XSampa { get; init; }

    public required string Ipa { get; init; }

    /// <summary>E.g. vowel, consonant, pause, boundary.</summary>
    public required string Kind { get; init; }
}

/// <summary>The grapheme-to-phoneme engine transcripts go through.</summary>
sealed partial record G2pDescription
{
    public required string Engine { get; init; }

    public required string Voice { get; init; }

    public required string Version { get; init; }
}

/// <summary>Raw score to match probability: p = 1 / (1 + exp(-(a·score + b))); match when score ≥ threshold.</summary>
sealed partial record CalibrationDescription
{
    public required string Kind { get; init; }

    public required double A { get; init; }

    public required double B { get; init; }

    public required double Threshold { get; init; }

    /// <summary>
    /// With the CTC head, the verdict that gives probability and match instead: p = σ(scoreWeight·score +
    /// alignmentWeight·alignment + wordWeight·minWord + bias), match when the logit ≥ threshold; a word matches when
    /// its log confidence ≥ wordThreshold. Null for a model without the head.
    /// </summary>
    public VerdictDescription? Verdict { get; init; }
}

/// <summary>The combined verdict calibration of a model with the CTC head.</summary>
sealed partial record VerdictDescription
{
    public required double ScoreWeight { get; init; }

    public required double AlignmentWeight { get; init; }

    public required double WordWeight { get; init; }

    public required double Bias { get; init; }

    /// <summary>Decision threshold on the logit (the equal-error point between matched pairs and one-word near misses, lowered to reject at most 2% of matched pairs).</summary>
    public required double Threshold { get; init; }

    /// <summary>Threshold on a word's log confidence (goodness of pronunciation).</summary>
    public required double WordThreshold { get; init; }
}

/// <summary>What one request may carry (configuration and model limits combined).</summary>
sealed partial record InputLimits
{
    public required double MaxAudioSeconds { get; init; }

    public required int MinAudioMilliseconds { get; init; }

    public required int MaxTranscriptCharacters { get; init; }

    /// <summary>The longest phoneme sequence the model takes.</summary>
    public required int MaxPhonemes { get; init; }

    public required int MaxMatrixAudios { get; init; }

    public required int MaxMatrixTranscripts { get; init; }

    /// <summary>The most candidates in one rank request.</summary>
    public required int MaxRankCandidates { get; init; }

    public required long MaxRequestBytes { get; init; }
}
