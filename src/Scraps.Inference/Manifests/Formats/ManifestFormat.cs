namespace Scraps.Inference.Manifests.Formats;

/// <summary>The manifest layouts scoring reads (and filtering writes back).</summary>
public enum ManifestFormat
{
    /// <summary>This project's JSON Lines: <c>id</c>, <c>audio</c>, <c>text</c> or <c>phonemes</c>.</summary>
    Scraps,

    /// <summary>NeMo's JSON Lines: <c>audio_filepath</c>, <c>text</c>, optional <c>offset</c> and <c>duration</c> (seconds).</summary>
    Nemo,

    /// <summary>A Kaldi data directory: <c>wav.scp</c>, <c>text</c>, optional <c>segments</c> and <c>utt2spk</c>.</summary>
    Kaldi,

    /// <summary>Lhotse cuts, or supervisions beside recordings (JSON Lines, optionally gzipped).</summary>
    Lhotse,

    /// <summary>Parquet in Hugging Face datasets' layout: an audio column (bytes and/or path) and a text column.</summary>
    Parquet,
}

/// <summary>Which format a path is, from its layout and name, when none is given.</summary>
public static class ManifestFormatDetector
{
    /// <exception cref="ManifestInputException">The path is neither a file nor a Kaldi data directory.</exception>
    public static ManifestFormat Detect(string path)
    {
        if (Directory.Exists(path))
        {
            return File.Exists(Path.Combine(path, "wav.scp"))
                ? ManifestFormat.Kaldi
                : throw new ManifestInputException($"'{path}' is a folder without wav.scp: not a Kaldi data directory (give a manifest file, or --format)");
        }

        if (!File.Exists(path))
        {
            throw new ManifestInputException($"manifest not found: {path}");
        }

        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".parquet", StringComparison.Ordinal))
        {
            return ManifestFormat.Parquet;
        }

        if (name == "wav.scp")
        {
            return ManifestFormat.Kaldi;
        }

        if (name.EndsWith(".jsonl.gz", StringComparison.Ordinal) || name.Contains("cuts", StringComparison.Ordinal) || name.Contains("supervisions", StringComparison.Ordinal))
        {
            return ManifestFormat.Lhotse;
        }

        // A JSON Lines file: its first object says whose it is.
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null && string.IsNullOrWhiteSpace(line))
        {
        }

        if (line is null)
        {
            return ManifestFormat.Scraps;
        }

        if (line.Contains("\"audio_filepath\"", StringComparison.Ordinal))
        {
            return ManifestFormat.Nemo;
        }

        return line.Contains("\"supervisions\"", StringComparison.Ordinal) || line.Contains("\"recording_id\"", StringComparison.Ordinal)
            ? ManifestFormat.Lhotse
            : ManifestFormat.Scraps;
    }
}
