namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Finds programs on PATH.</summary>
internal static class ProgramLocator
{
    public static bool Exists(string program) => Find(program) is not null;

    public static string? Find(string program)
    {
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
