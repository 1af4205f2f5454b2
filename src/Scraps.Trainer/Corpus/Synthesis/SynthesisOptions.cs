using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Everything `corpus synth` is asked to do. Same options and seed, same corpus.</summary>
internal sealed record SynthesisOptions
{
    /// <summary>
    /// Validation voices: espeak-ng's Caribbean accent (all its variants) and the m3 variant (all accents), and flite's
    /// rms. Two synthesizers, none of these speakers in training.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultValidVoices = ["espeak-ng:en-029", "espeak-ng:*+m3", "flite:rms"];

    /// <summary>
    /// Test voices: espeak-ng's West Midlands accent (all variants) and the f4 and grandpa variants (all accents),
    /// flite's awb, and festival's ked (festvox-kdlpc16k). Three synthesizers; festival's kal and slt voices stay in
    /// training because flite speaks the same two speakers (see <see cref="SpeakerIdentity"/>).
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTestVoices =
        ["espeak-ng:en-gb-x-gbcwmd", "espeak-ng:*+f4", "espeak-ng:*+grandpa", "flite:awb", "festival:ked_diphone"];

    public static readonly IReadOnlyDictionary<string, double> DefaultWeights = new Dictionary<string, double>
    {
        [EspeakSynthesizer.EngineName] = 0.5,
        [FliteSynthesizer.EngineName] = 0.3,
        [FestivalSynthesizer.EngineName] = 0.2,
    };

    public required string OutputDirectory { get; init; }

    public int Clips { get; init; } = 1000;

    public long Seed { get; init; } = 1;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>Fortune databases to read sentences from; null for none.</summary>
    public string? FortunesDirectory { get; init; } = TextCorpus.DefaultFortunesDirectory;

    public IReadOnlyList<string> TextFiles { get; init; } = [];

    /// <summary>Relative share of clips per text kind (<see cref="TextKinds"/>).</summary>
    public IReadOnlyDictionary<string, double> TextKindShares { get; init; } = TextKinds.DefaultShares;

    public string WordList { get; init; } = WordLists.DefaultWordList;

    public string NameList { get; init; } = WordLists.DefaultNameList;

    /// <summary>Engines to use (espeak-ng, flite, festival); empty means every one installed.</summary>
    public IReadOnlyList<string> Synthesizers { get; init; } = [];

    /// <summary>Relative share of clips per engine within each split.</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = DefaultWeights;

    /// <summary>
    /// Relative weight of the voices that match each pattern (<see cref="VoicePattern"/>) within their engine's pool; a
    /// voice that matches none weighs 1, one that matches several takes the first. Empty: every voice is as likely.
    /// </summary>
    public IReadOnlyDictionary<string, double> VoiceWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>Voice patterns held out for validation (see <see cref="VoicePattern"/>); null means the defaults installed here.</summary>
    public IReadOnlyList<string>? ValidVoices { get; init; }

    /// <summary>Voice patterns held out for test; null means the defaults installed here, empty means no test split.</summary>
    public IReadOnlyList<string>? TestVoices { get; init; }

    public double ValidShare { get; init; } = 0.1;

    public double TestShare { get; init; } = 0.1;

    public AugmentationOptions Augmentation { get; init; } = new();

    /// <summary>Codec formats the codec augmentation picks from.</summary>
    public IReadOnlyList<string> Codecs { get; init; } = CodecPlan.Formats;

    public int FestivalBatchSize { get; init; } = 16;

    public int BabbleTracks { get; init; } = BabbleBank.DefaultTracks;

    /// <summary>The held-out patterns to apply with these engines: the ones given, or the defaults that match an installed voice.</summary>
    public (IReadOnlyList<string> Valid, IReadOnlyList<string> Test) HeldOutVoicesFor(IReadOnlyList<ISpeechSynthesizer> engines) =>
        (ValidVoices ?? VoiceSplit.InstalledDefaults(DefaultValidVoices, engines), TestVoices ?? VoiceSplit.InstalledDefaults(DefaultTestVoices, engines));

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

        foreach (var (pattern, weight) in VoiceWeights)
        {
            if (!(weight > 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"--voice-weights: the weight of {pattern} must be a positive number, got {weight}");
            }
        }

        foreach (var (kind, share) in TextKindShares)
        {
            if (!TextKinds.All.Contains(kind))
            {
                throw new ArgumentException($"--text-kinds: unknown kind '{kind}' (known: {string.Join(", ", TextKinds.All)})");
            }

            if (!(share >= 0) || double.IsInfinity(share))
            {
                throw new ArgumentException($"--text-kinds: the share of {kind} must be a non-negative number, got {share}");
            }
        }

        if (!(TextKindShares.Values.Sum() > 0))
        {
            throw new ArgumentException("--text-kinds: at least one kind needs a share above 0");
        }

        foreach (var codec in Codecs)
        {
            if (!CodecPlan.Formats.Contains(codec))
            {
                throw new ArgumentException($"--codecs: unknown codec '{codec}' (known: {string.Join(", ", CodecPlan.Formats)})");
            }
        }

        if (Augmentation.Codec > 0 && Codecs.Count == 0)
        {
            throw new ArgumentException("--codecs is empty while --codec is above 0; name at least one codec or set --codec 0");
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
