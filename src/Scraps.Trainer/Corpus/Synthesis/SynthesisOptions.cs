using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Everything `corpus synth` is asked to do. Same options and seed, same corpus.</summary>
internal sealed record SynthesisOptions
{
    public static readonly IReadOnlyList<string> DefaultValidVoices = ["espeak-ng:en-029", "espeak-ng:*+m3", "flite:rms"];

    public static readonly IReadOnlyDictionary<string, double> DefaultWeights = new Dictionary<string, double>
    {
        [EspeakSynthesizer.EngineName] = 0.5, [FliteSynthesizer.EngineName] = 0.3, [FestivalSynthesizer.EngineName] = 0.2,
    };

    public required string OutputDirectory { get; init; }

    public int Clips { get; init; } = 1000;

    public long Seed { get; init; } = 1;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Fortune databases to read sentences from; null for none.</summary>
    public string? FortunesDirectory { get; init; } = Text.TextCorpus.DefaultFortunesDirectory;

    public IReadOnlyList<string> TextFiles { get; init; } = [];

    /// <summary>Engines to use (espeak-ng, flite, festival); empty means every one installed.</summary>
    public IReadOnlyList<string> Synthesizers { get; init; } = [];

    /// <summary>Relative share of clips per engine within each split.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = DefaultWeights;

    /// <summary>
    /// Voice patterns held out for validation (see <see cref="VoicePattern"/>); null means
    /// <see cref="DefaultValidVoices"/> for the engines in use.
    /// </summary>
    public IReadOnlyList<string>? ValidVoices { get; init; }

    /// <summary>The validation patterns to apply with these engines.</summary>
    public IReadOnlyList<string> ValidVoicesFor(IReadOnlyList<ISpeechSynthesizer> engines) =>
        ValidVoices ?? DefaultValidVoices.Where(p => engines.Any(e => p.StartsWith(e.Name + ":", StringComparison.Ordinal))).ToArray();

    /// <summary>The engine held out, whole, for the test split; null for no test split.</summary>
    public string? TestSynthesizer { get; init; } = FestivalSynthesizer.EngineName;

    public double ValidShare { get; init; } = 0.1;

    public double TestShare { get; init; } = 0.1;

    public AugmentationOptions Augmentation { get; init; } = new();

    public int FestivalBatchSize { get; init; } = 16;

    public int BabbleTracks { get; init; } = BabbleBank.DefaultTracks;

    /// <exception cref="ArgumentException">An option is out of range, with the option named.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new ArgumentException("--out is required");
        }

        if (Clips < 1)
        {
            throw new ArgumentException($"--clips must be at least 1, got {Clips}");
        }

        if (Jobs < 1)
        {
            throw new ArgumentException($"--jobs must be at least 1, got {Jobs}");
        }

        if (ValidShare is < 0 or >= 1 || TestShare is < 0 or >= 1 || ValidShare + TestShare >= 1)
        {
            throw new ArgumentException($"--valid-share ({ValidShare}) and --test-share ({TestShare}) must each be in [0, 1) and sum below 1");
        }

        foreach (var (engine, weight) in Weights)
        {
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"--synth-weights: the weight of {engine} must be a non-negative number, got {weight}");
            }
        }

        if (FestivalBatchSize < 1 || BabbleTracks < 1)
        {
            throw new ArgumentException("the festival batch size and babble track count must be at least 1");
        }

        if (FortunesDirectory is null && TextFiles.Count == 0)
        {
            throw new ArgumentException("no text source: pass --text FILE or leave the fortunes on");
        }

        Augmentation.Validate();
    }
}
