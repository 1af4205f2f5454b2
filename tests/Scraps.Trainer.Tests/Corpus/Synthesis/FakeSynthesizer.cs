using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

/// <summary>An engine with fixed voices that writes nothing (for planning and split tests).</summary>
internal sealed class FakeSynthesizer(string name, params string[] voices) : ISpeechSynthesizer
{
    public string Name => name;

    public IReadOnlyList<string> Voices => voices;

    public int BatchSize => 1;

    public SynthesisSettings DrawSettings(string voice, SeededRandom random) => SynthesisSettings.Draw(random, 0.8, 1.2, 0.9, 1.1);

    public Task SynthesizeAsync(IReadOnlyList<SynthesisRequest> requests, string workDirectory, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the fake synthesizer does not synthesize");
}
