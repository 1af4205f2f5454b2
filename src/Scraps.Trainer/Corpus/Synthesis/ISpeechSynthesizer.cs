namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>A text-to-speech engine installed on this machine, driven as an external program.</summary>
internal interface ISpeechSynthesizer
{
    /// <summary>The engine's name as recorded in manifests: espeak-ng, flite or festival.</summary>
    string Name { get; }

    /// <summary>The voices this engine offers here (names as the engine knows them), sorted.</summary>
    IReadOnlyList<string> Voices { get; }

    /// <summary>How many clips one call should synthesize (engines with a slow start batch them).</summary>
    int BatchSize { get; }

    /// <summary>Draws rate and pitch for one clip within what the engine can do for <paramref name="voice"/>.</summary>
    SynthesisSettings DrawSettings(string voice, SeededRandom random);

    /// <summary>
    /// Synthesizes every request into its output WAV. Throws <see cref="ExternalToolException"/> when the engine
    /// fails as a whole; a single utterance it could not speak may simply have no output file.
    /// </summary>
    Task SynthesizeAsync(IReadOnlyList<SynthesisRequest> requests, string workDirectory, CancellationToken cancellationToken);
}
