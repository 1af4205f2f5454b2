using Scraps.Audio;
using Scraps.Phonetics;

namespace Scraps.Inference.Package;

/// <summary>Checks that a parsed model.json is self-consistent before any graph is loaded.</summary>
internal static class ModelManifestValidator
{
    /// <exception cref="ModelPackageException">The first problem found, naming <paramref name="filePath"/>.</exception>
    public static void Validate(ModelManifest manifest, string filePath)
    {
        void Fail(string problem) => throw new ModelPackageException(filePath, problem);

        if (string.IsNullOrWhiteSpace(manifest.Name))
        {
            Fail("'name' is empty");
        }

        var arch = manifest.Architecture ?? throw new ModelPackageException(filePath, "'architecture' is missing");
        try
        {
            arch.Validate(requireVocabulary: true, source: "architecture");
        }
        catch (InvalidDataException e)
        {
            Fail(e.Message);
        }

        if (manifest.FrontEnd is null)
        {
            Fail("'frontEnd' is missing");
        }

        try
        {
            manifest.FrontEnd!.Validate();
        }
        catch (ArgumentException e)
        {
            Fail($"frontEnd: {e.Message}");
        }

        if (manifest.FrontEnd!.SampleRate != AudioFrontEnd.SampleRate || manifest.FrontEnd.MelBins != arch.MelBins)
        {
            Fail($"frontEnd must take {AudioFrontEnd.SampleRate} Hz audio and give architecture.melBins ({arch.MelBins}) bins, "
                + $"got {manifest.FrontEnd.SampleRate} Hz and {manifest.FrontEnd.MelBins} bins");
        }

        ValidateStatistics(manifest.Features, arch.MelBins, Fail);
        ValidateInventory(manifest.Phonemes, arch.VocabSize, Fail);

        if (manifest.G2p is null || string.IsNullOrWhiteSpace(manifest.G2p.Engine))
        {
            Fail("'g2p.engine' is missing");
        }

        var calibration = manifest.Calibration ?? throw new ModelPackageException(filePath, "'calibration' is missing");
        if (!string.Equals(calibration.Kind, CalibrationInfo.Logistic, StringComparison.Ordinal))
        {
            Fail($"calibration.kind '{calibration.Kind}' is not supported (only '{CalibrationInfo.Logistic}')");
        }

        if (!double.IsFinite(calibration.A) || !double.IsFinite(calibration.B) || !double.IsFinite(manifest.Threshold))
        {
            Fail("calibration.a, calibration.b and threshold must be finite numbers");
        }

        ValidateFiles(manifest.Files, Fail);
    }

    private static void ValidateStatistics(FeatureMeanStd? stats, int melBins, Action<string> fail)
    {
        if (stats?.Mean is null || stats.Std is null)
        {
            fail("'features.mean' and 'features.std' are required");
            return;
        }

        if (stats.Mean.Length != melBins || stats.Std.Length != melBins)
        {
            fail($"features.mean/std must have {melBins} values (architecture.melBins), got {stats.Mean.Length}/{stats.Std.Length}");
        }

        for (var i = 0; i < melBins; i++)
        {
            if (!float.IsFinite(stats.Mean[i]) || !float.IsFinite(stats.Std[i]) || stats.Std[i] <= 0)
            {
                fail($"features bin {i}: mean must be finite and std finite and positive, got mean {stats.Mean[i]}, std {stats.Std[i]}");
            }
        }
    }

    private static void ValidateInventory(PhonemeInventoryInfo? inventory, int vocabSize, Action<string> fail)
    {
        if (inventory?.Symbols is null || inventory.Symbols.Count == 0)
        {
            fail("'phonemes.symbols' is missing or empty");
            return;
        }

        try
        {
            inventory.ToInventory();
        }
        catch (PhonemeInventoryFormatException e)
        {
            fail($"phonemes: {e.Message}");
        }

        if (inventory.Symbols.Count != vocabSize)
        {
            fail($"phonemes has {inventory.Symbols.Count} tokens (padding included) but architecture.vocabSize is {vocabSize}");
        }
    }

    private static void ValidateFiles(IReadOnlyDictionary<string, string>? files, Action<string> fail)
    {
        if (files is null)
        {
            fail("'files' is missing");
            return;
        }

        foreach (var required in new[] { GraphPorts.Acoustic.FileName, GraphPorts.Phonetic.FileName })
        {
            if (!files.ContainsKey(required))
            {
                fail($"'files' does not list {required}");
            }
        }

        foreach (var (name, hash) in files)
        {
            if (!IsPlainFileName(name))
            {
                fail($"'files' entry '{name}' is not a plain file name inside the package");
            }

            if (hash is null || hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            {
                fail($"'files' entry '{name}' has '{hash}', not a lower-case hex SHA-256");
            }
        }
    }

    internal static bool IsPlainFileName(string name) =>
        !string.IsNullOrWhiteSpace(name) && name is not ("." or "..") && name != ModelManifest.FileName
        && name.IndexOfAny(['/', '\\', '\0']) < 0;
}
