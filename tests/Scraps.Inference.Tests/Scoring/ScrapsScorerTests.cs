using Scraps.Audio;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;
using Scraps.Inference.Tests.Fixtures;
using Scraps.Phonetics;

namespace Scraps.Inference.Tests.Scoring;

public sealed class ScrapsScorerTests : IClassFixture<TestPackageFixture>, IDisposable
{
    private static readonly string Speech = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "speech_16k_pcm16.wav");
    private static readonly string Flite = Path.Combine(AppContext.BaseDirectory, "testdata", "audio", "flite_16k_pcm16.wav");

    private readonly ScrapsModel model;
    private readonly EspeakPhonemizer phonemizer;
    private readonly ScrapsScorer scorer;

    public ScrapsScorerTests(TestPackageFixture package)
    {
        model = ScrapsModel.Load(package.Folder);
        phonemizer = model.CreatePhonemizer();
        scorer = new ScrapsScorer(model, phonemizer);
    }

    [Fact]
    public void FeaturesFromFile_IsTheStandardisedLogMel()
    {
        var raw = new LogMelExtractor().Compute(AudioFrontEnd.LoadMono16kFile(Speech));
        var expected = model.Standardizer.Apply(raw);

        var features = scorer.FeaturesFromFile(Speech);

        Assert.Equal(expected.Frames, features.Frames);
        Assert.Equal(expected.Data, features.Data);
        Assert.Equal(features.Data, scorer.FeaturesFromBytes(File.ReadAllBytes(Speech)).Data);
    }

    [Fact]
    public void FeaturesFromFile_NamesAMissingFile()
    {
        var e = Assert.Throws<FileNotFoundException>(() => scorer.FeaturesFromFile("no/such.wav"));

        Assert.Contains("no/such.wav", e.Message);
    }

    [Fact]
    public void Phonemes_FromTextAndFromItsXSampa_AreTheSame()
    {
        var fromText = scorer.Phonemes("Hello there.", null);
        var fromXSampa = scorer.Phonemes(null, fromText.XSampa);

        Assert.Equal(fromText.Ids, fromXSampa.Ids);
        Assert.Equal(phonemizer.Phonemize("Hello there.").ToIds().Select(i => (long)i), fromText.Ids);
    }

    [Fact]
    public void Phonemes_ReportsAnUnknownSymbol()
    {
        var e = Assert.Throws<UnknownPhonemesException>(() => scorer.Phonemes(null, "h @ QQQ"));

        Assert.Contains("QQQ", e.Message);
    }

    [Theory]
    [InlineData("text", "h @")]
    [InlineData(null, null)]
    public void Phonemes_NeedsExactlyOneInput(string? text, string? xsampa)
    {
        Assert.Throws<ArgumentException>(() => scorer.Phonemes(text, xsampa));
    }

    [Fact]
    public void Phonemes_FromTextNeedsAPhonemizer()
    {
        var noText = new ScrapsScorer(model, phonemizer: null);

        var e = Assert.Throws<ArgumentException>(() => noText.Phonemes("hello", null));

        Assert.Contains("X-SAMPA", e.Message);
    }

    [Fact]
    public void ScorePairs_IsTheDotProductWithTheCalibratedProbability()
    {
        var clips = new[] { scorer.FeaturesFromFile(Speech), scorer.FeaturesFromFile(Flite) };
        var phonemes = new[] { scorer.Phonemes("Alexa, end this call on my phone.", null), scorer.Phonemes("Do I have any appointments?", null) };

        var scores = scorer.ScorePairs(clips, phonemes);

        var acoustic = scorer.EmbedAcoustic(clips);
        var phonetic = scorer.EmbedPhonetic(phonemes);
        for (var i = 0; i < 2; i++)
        {
            var dot = VectorMath.Dot(acoustic[i].Embedding, phonetic[i].Embedding);
            Assert.Equal(dot, scores[i].Score, 5);
            Assert.Equal(model.Calibration.Probability(scores[i].Score), scores[i].Probability, 12);
            Assert.Equal(scores[i].Score >= model.Calibration.Threshold, scores[i].Match);
        }
    }

    [Fact]
    public void ScoreMatrix_HoldsEveryPairWithSoftmaxes()
    {
        var clips = new[] { scorer.FeaturesFromFile(Speech), scorer.FeaturesFromFile(Flite), TestPackages.RandomFeatures(30, 3) };
        var phonemes = new[] { scorer.Phonemes("one", null), scorer.Phonemes("two words", null) };

        var matrix = scorer.ScoreMatrix(clips, phonemes);

        Assert.Equal(3, matrix.Scores.Length);
        Assert.All(matrix.Scores, row => Assert.Equal(2, row.Length));
        var pair = scorer.ScorePairs([clips[2]], [phonemes[1]])[0];
        Assert.Equal(pair.Score, matrix.Scores[2][1], 5);
        Assert.All(matrix.RowSoftmax, row => Assert.Equal(1, row.Sum(), 9));
        Assert.Equal(1, matrix.ColumnSoftmax.Sum(row => row[0]), 9);
    }

    [Fact]
    public void ScoreMatrix_NeedsBothSides()
    {
        Assert.Throws<ArgumentException>(() => scorer.ScoreMatrix([], [scorer.Phonemes("one", null)]));
    }

    [Fact]
    public void Compare_ToItselfHasCosineOne_AndScoresTheTranscriptWhenGiven()
    {
        var clip = scorer.FeaturesFromFile(Speech);
        var text = scorer.Phonemes("Alexa, end this call on my phone.", null);

        var same = scorer.Compare(clip, clip, text);
        var other = scorer.Compare(clip, scorer.FeaturesFromFile(Flite));

        Assert.Equal(1, same.Cosine, 5);
        var vector = scorer.EmbedAcoustic([clip])[0].Embedding;
        Assert.Equal(VectorMath.Dot(vector, vector), same.Score, 4);
        Assert.Equal(scorer.ScorePairs([clip], [text])[0].Score, same.TextScore!.Score, 5);
        Assert.Null(other.TextScore);
        Assert.True(other.Cosine < 1);
    }

    public void Dispose()
    {
        phonemizer.Dispose();
        model.Dispose();
    }
}
