using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class VoicePatternTests
{
    [Theory]
    [InlineData("espeak-ng:en-029", "espeak-ng:en-029", true)]
    [InlineData("espeak-ng:en-029", "espeak-ng:en-029+f2", true)]
    [InlineData("espeak-ng:en-029", "espeak-ng:en-029x", false)]
    [InlineData("espeak-ng:en-gb", "espeak-ng:en-gb-scotland", false)]
    [InlineData("espeak-ng:*+m3", "espeak-ng:en-us+m3", true)]
    [InlineData("espeak-ng:*+m3", "espeak-ng:en-us+m33", false)]
    [InlineData("flite:*", "flite:slt", true)]
    [InlineData("flite:RMS", "flite:rms", true)]
    [InlineData("flite:rms", "festival:rms", false)]
    public void Matches_voice_ids(string pattern, string voice, bool expected) => Assert.Equal(expected, VoicePattern.Matches(pattern, voice));
}
