namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Finds the engines installed here and picks the ones asked for.</summary>
internal static class SynthesizerDiscovery
{
    public static readonly IReadOnlyList<string> KnownEngines = [EspeakSynthesizer.EngineName, FliteSynthesizer.EngineName, FestivalSynthesizer.EngineName];

    /// <param name="requested">Engine names; empty means every installed engine.</param>
    /// <exception cref="ArgumentException">An engine is unknown or not installed, or none is installed.</exception>
    public static async Task<IReadOnlyList<ISpeechSynthesizer>> DiscoverAsync(IReadOnlyList<string> requested, int festivalBatchSize, CancellationToken cancellationToken)
    {
        foreach (var name in requested)
        {
            if (!KnownEngines.Contains(name))
            {
                throw new ArgumentException($"--synths: unknown synthesizer '{name}' (known: {string.Join(", ", KnownEngines)})");
            }
        }

        bool Wanted(string name) => requested.Count == 0 || requested.Contains(name);
        var engines = new List<ISpeechSynthesizer>();
        if (Wanted(EspeakSynthesizer.EngineName) && await EspeakSynthesizer.DiscoverAsync(cancellationToken).ConfigureAwait(false) is { } espeak)
        {
            engines.Add(espeak);
        }

        if (Wanted(FliteSynthesizer.EngineName) && await FliteSynthesizer.DiscoverAsync(cancellationToken).ConfigureAwait(false) is { } flite)
        {
            engines.Add(flite);
        }

        if (Wanted(FestivalSynthesizer.EngineName) && FestivalSynthesizer.Discover(batchSize: festivalBatchSize) is { } festival)
        {
            engines.Add(festival);
        }

        var missing = requested.Where(r => engines.All(e => e.Name != r)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"--synths: not installed here: {string.Join(", ", missing)}");
        }

        if (engines.Count == 0)
        {
            throw new ArgumentException("no speech synthesizer is installed (espeak-ng, flite or festival)");
        }

        return engines;
    }
}
