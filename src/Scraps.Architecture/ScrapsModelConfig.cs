using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scraps.Architecture;

/// <summary>
/// Architecture of a SCRAPS model (docs/architecture.md): the one record the trainer's modules, the ONNX graphs and
/// the inference engine (model.json's "architecture") share. JSON, camelCase; shipped as configs/small.json and
/// configs/paper.json. <see cref="VocabSize"/> 0 in a file means "set from the phoneme inventory at train time".
/// </summary>
public sealed record ScrapsModelConfig
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>The names of the configs shipped with Scraps.Model.</summary>
    public static readonly IReadOnlyList<string> ShippedNames = ["small", "paper"];

    public string Name { get; init; } = "custom";

    /// <summary>d: width of both encoders.</summary>
    public int ModelDim { get; init; }

    /// <summary>N: transformer blocks per encoder.</summary>
    public int Layers { get; init; }

    /// <summary>h: attention heads (ModelDim must be divisible by it).</summary>
    public int Heads { get; init; }

    public int FfnDim { get; init; }

    public double Dropout { get; init; }

    /// <summary>D: LSTM integrator width = SCRAPS vector size.</summary>
    public int LstmHidden { get; init; }

    /// <summary>s: acoustic frame subsampling by stride-2 convolutions, 1, 2 or 4.</summary>
    public int AcousticSubsampling { get; init; } = 1;

    public int MelBins { get; init; } = 80;

    /// <summary>Rows of the positional table: the longest phoneme sequence or subsampled frame sequence accepted.</summary>
    public int MaxPositions { get; init; }

    /// <summary>Phoneme vocabulary size including id 0 (padding).</summary>
    public int VocabSize { get; init; }

    /// <summary>
    /// A CTC head on the acoustic per-step outputs: Linear(d, vocabSize) + log-softmax over the phoneme inventory, class
    /// 0 (the padding id, never a target) serving as the CTC blank. It gives forced alignment and per-word confidences.
    /// </summary>
    public bool CtcHead { get; init; }

    /// <summary>
    /// A phone branch between the acoustic encoder's first stride-2 stage (25 ms steps) and the CTC head, so that
    /// phones shorter than the transformer's steps are heard; null: the head reads the transformer's output (as before
    /// 0.6.0). Needs <see cref="CtcHead"/> and <see cref="AcousticSubsampling"/> of at least 2.
    /// </summary>
    public PhoneBranchConfig? PhoneBranch { get; init; }

    /// <summary>
    /// A head that judges, per phone, whether the audio supports it (<see cref="MatchingHeadConfig"/>); null: none. It
    /// reads the phone branch's features when there is a branch, else the acoustic encoder's output.
    /// </summary>
    public MatchingHeadConfig? MatchingHead { get; init; }

    /// <summary>Width of the acoustic features the matching head reads: the phone branch's, else d.</summary>
    [JsonIgnore]
    public int MatchingAcousticDim => PhoneBranch?.Dim ?? ModelDim;

    /// <summary>Frames per step of the CTC head's output: 2 with a phone branch, else <see cref="AcousticSubsampling"/>.</summary>
    [JsonIgnore]
    public int PhoneStride => PhoneBranch is null ? AcousticSubsampling : 2;

    /// <summary>Steps of the CTC head's output for a clip of <paramref name="frames"/>.</summary>
    public long PhoneSteps(long frames) => PhoneBranch is null ? SubsampledLength(frames) : ((frames - 1) / 2) + 1;

    /// <summary>Number of stride-2 convolutions in the acoustic front (log2 of <see cref="AcousticSubsampling"/>).</summary>
    [JsonIgnore]
    public int SubsamplingConvolutions => AcousticSubsampling switch { 1 => 0, 2 => 1, 4 => 2, _ => throw Invalid(null, $"acousticSubsampling must be 1, 2 or 4, not {AcousticSubsampling}") };

    /// <summary>Length after the acoustic subsampling: L -> (L - 1) / 2 + 1 per convolution.</summary>
    public long SubsampledLength(long frames)
    {
        for (int i = 0; i < SubsamplingConvolutions; i++)
        {
            frames = ((frames - 1) / 2) + 1;
        }
        return frames;
    }

    /// <summary>The longest number of input frames whose subsampled length still fits the positional table.</summary>
    [JsonIgnore]
    public int MaxAcousticFrames => MaxPositions * AcousticSubsampling;

    /// <summary>Reads and validates a config file (vocabSize may be 0 there).</summary>
    public static ScrapsModelConfig Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model config file '{path}' does not exist.", path);
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>A shipped config by name ("small" or "paper"), read from the copy embedded in Scraps.Architecture.</summary>
    public static ScrapsModelConfig LoadNamed(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var key = name.Trim().ToLowerInvariant();
        if (!ShippedNames.Contains(key))
        {
            throw new ArgumentException($"Unknown model config '{name}': shipped configs are {string.Join(", ", ShippedNames)} (or pass a path to a .json file).", nameof(name));
        }
        var resource = $"Scraps.Architecture.Configs.{key}.json";
        using var stream = typeof(ScrapsModelConfig).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing from {typeof(ScrapsModelConfig).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"configs/{key}.json");
    }

    /// <summary>
    /// Loads <paramref name="nameOrPath"/> as a shipped name when it is one, as a model package's architecture when it is
    /// a folder with a model.json (e.g. models/scraps-en-base, to fine-tune the shipped model), else as a config file.
    /// </summary>
    public static ScrapsModelConfig LoadNamedOrFile(string nameOrPath)
    {
        if (ShippedNames.Contains(nameOrPath.Trim().ToLowerInvariant()))
        {
            return LoadNamed(nameOrPath);
        }
        var package = Path.Combine(nameOrPath, "model.json");
        return Directory.Exists(nameOrPath) && File.Exists(package) ? LoadPackageArchitecture(package) : Load(nameOrPath);
    }

    /// <summary>The "architecture" of a model package's model.json.</summary>
    public static ScrapsModelConfig LoadPackageArchitecture(string modelJson)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(modelJson));
            if (!document.RootElement.TryGetProperty("architecture", out var architecture))
            {
                throw Invalid(modelJson, "it has no \"architecture\"");
            }
            return Parse(architecture.GetRawText(), $"{modelJson} architecture");
        }
        catch (JsonException e)
        {
            throw Invalid(modelJson, $"invalid JSON: {e.Message}");
        }
    }

    /// <summary>Parses JSON text; <paramref name="source"/> names it in error messages.</summary>
    public static ScrapsModelConfig Parse(string json, string? source = null)
    {
        ScrapsModelConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<ScrapsModelConfig>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"invalid JSON{(e.Path is null ? "" : $" at {e.Path}")}: {e.Message}");
        }
        if (config is null)
        {
            throw Invalid(source, "the file holds JSON null, not a model config");
        }
        return config.Validate(requireVocabulary: false, source);
    }

    /// <summary>
    /// Checks every field; returns this config. With <paramref name="requireVocabulary"/> (the default, as
    /// building a model needs it) vocabSize must be at least 2. Throws <see cref="InvalidDataException"/>.
    /// </summary>
    public ScrapsModelConfig Validate(bool requireVocabulary = true, string? source = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name must not be empty");
        }
        if (ModelDim <= 0 || ModelDim % 2 != 0)
        {
            errors.Add($"modelDim must be a positive even number (sin/cos position pairs), not {ModelDim}");
        }
        if (Layers < 1)
        {
            errors.Add($"layers must be at least 1, not {Layers}");
        }
        if (Heads < 1)
        {
            errors.Add($"heads must be at least 1, not {Heads}");
        }
        else if (ModelDim > 0 && ModelDim % Heads != 0)
        {
            errors.Add($"modelDim {ModelDim} must be divisible by heads {Heads}");
        }
        if (FfnDim < 1)
        {
            errors.Add($"ffnDim must be at least 1, not {FfnDim}");
        }
        if (!(Dropout >= 0 && Dropout < 1))
        {
            errors.Add($"dropout must be in [0, 1), not {Dropout}");
        }
        if (LstmHidden < 1)
        {
            errors.Add($"lstmHidden must be at least 1, not {LstmHidden}");
        }
        if (AcousticSubsampling is not (1 or 2 or 4))
        {
            errors.Add($"acousticSubsampling must be 1, 2 or 4, not {AcousticSubsampling}");
        }
        if (MelBins < 1)
        {
            errors.Add($"melBins must be at least 1, not {MelBins}");
        }
        if (MaxPositions < 1)
        {
            errors.Add($"maxPositions must be at least 1, not {MaxPositions}");
        }
        if (VocabSize < 0 || (VocabSize is 1) || (requireVocabulary && VocabSize < 2))
        {
            errors.Add(requireVocabulary && VocabSize == 0
                ? "vocabSize is 0: set it from the phoneme inventory (config with { VocabSize = inventory size }) before building a model"
                : $"vocabSize must be at least 2 (padding id 0 and one phoneme), not {VocabSize}");
        }
        if (PhoneBranch is { } branch)
        {
            if (!CtcHead)
            {
                errors.Add("phoneBranch needs \"ctcHead\": true (the branch feeds the CTC head)");
            }
            if (AcousticSubsampling < 2)
            {
                errors.Add("phoneBranch reads the first stride-2 stage: acousticSubsampling must be 2 or 4");
            }
            errors.AddRange(branch.Problems());
        }
        if (MatchingHead is { } matching)
        {
            errors.AddRange(matching.Problems());
        }
        if (errors.Count > 0)
        {
            throw Invalid(source, string.Join("; ", errors));
        }
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public void Save(string path) => File.WriteAllText(path, ToJson() + Environment.NewLine);

    private static InvalidDataException Invalid(string? source, string message) =>
        new(source is null ? $"Model config: {message}." : $"Model config {source}: {message}.");
}
