using System.IO.Compression;

namespace Scraps.Inference.Manifests.Formats;

/// <summary>Lines of a JSON Lines file, plain or gzipped (.gz), with their 1-based numbers; blank lines skipped.</summary>
internal static class JsonLinesReader
{
    public static IEnumerable<(long Number, string Text)> Lines(string path)
    {
        if (!File.Exists(path))
        {
            throw new ManifestInputException($"manifest not found: {path}");
        }

        using var stream = File.OpenRead(path);
        using var decompressed = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
        using var reader = new StreamReader(decompressed);
        long number = 0;
        while (true)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (InvalidDataException e)
            {
                throw new ManifestInputException($"{path}: not a gzip file ({e.Message})", e);
            }

            if (line is null)
            {
                yield break;
            }

            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }
}
