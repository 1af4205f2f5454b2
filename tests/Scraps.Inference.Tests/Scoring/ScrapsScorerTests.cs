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

    private readonly ScrapsModel _model;
    private readonly EspeakPhonemizer _phonemizer;
    private readonly ScrapsScorer _scorer;

    public ScrapsScorerTests(TestPackageFixture package)
    {
        _model = ScrapsModel.Load(package.Folder);
        _phonemizer = _model.CreatePhonemizer();
        _scorer = new ScrapsScorer(_model, _phonemizer);
    }

    [Fact]
    public void FeaturesFromFile_is_the_standardised_log_mel()
    {
        var raw = new LogMelExtractor().Compute(AudioFrontEnd.LoadMono16kFile(Speech));
        var expected = _model.Standardizer.Apply(raw);

        var features = _scorer.Inputs.FeaturesFromFile(Speech);

        Assert.Equal(expected.Frames, features.Frames);
        Assert.Equal(expected.Data, features.Data);
        Assert.Equal(features.Data, _scorer.Inputs.FeaturesFromBytes(File.ReadAllBytes(Speech)).Data);
    }

    [Fact]
    public void FeaturesFromFile_names_a_missing_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => _scorer.Inputs.FeaturesFromFile("no/such.wav"));

        Assert.Contains("no/such.wav", e.Message);
    }

    [Fact]
    public void Phonemes_from_text_and_from_its_XSampa_are_the_same()
    {
        var fromText = _scorer.Inputs.Phonemes("Hello there.", null);
        var fromXSampa = _scorer.Inputs.Phonemes(null, fromText.XSampa);

        Assert.Equal(fromText.Ids, fromXSampa.Ids);
        Assert.Equal(_phonemizer.Phonemize("Hello there.").ToIds().Select(i => (long)i), fromText.Ids);
    }

    [Fact]
    public void Phonemes_reports_an_unknown_symbol()
    {
        var e = Assert.Throws<UnknownPhonemesException>(() => _scorer.Inputs.Phonemes(null, "h @ QQQ"));

        Assert.Contains("QQQ", e.Message);
    }

    [Theory]
    [InlineData("text", "h @")]
    [InlineData(null, null)]
    public void Phonemes_needs_exactly_one_input(string? text, string? xsampa)
    {
        Assert.Throws<ArgumentException>(() => _scorer.Inputs.Phonemes(text, xsampa));
    }

    [Fact]
    public void Phonemes_from_text_needs_a_phonemizer()
    {
        var noText = new ScrapsScorer(_model, phonemizer: null);

        var e = Assert.Throws<ArgumentException>(() => noText.Inputs.Phonemes("hello", null));

        Assert.Contains("X-SAMPA", e.Message);
    }

    [Fact]
    public void ScorePairs_is_the_dot_product_with_the_calibrated_probability()
    {
        var clips = new[] { _scorer.Inputs.FeaturesFromFile(Speech), _scorer.Inputs.FeaturesFromFile(Flite) };
        var phonemes = new[] { _scorer.Inputs.Phonemes("Alexa, end this call on my phone.", null), _scorer.Inputs.Phonemes("Do I have any appointments?", null) };

        var scores = _scorer.ScorePairs(clips, phonemes);

        var acoustic = _scorer.EmbedAcoustic(clips);
        var phonetic = _scorer.EmbedPhonetic(phonemes);
        for (var i = 0; i < 2; i++)
        {
            var dot = VectorMath.Dot(acoustic[i].Embedding, phonetic[i].Embedding);
            Assert.Equal(dot, scores[i].Score, 5);
            Assert.Equal(_model.Calibration.Probability(scores[i].Score), scores[i].Probability, 12);
            Assert.Equal(scores[i].Score >= _model.Calibration.Threshold, scores[i].Match);
        }
    }

    [Fact]
    public void ScoreMatrix_holds_every_pair_with_softmaxes()
    {
        var clips = new[] { _scorer.Inputs.FeaturesFromFile(Speech), _scorer.Inputs.FeaturesFromFile(Flite), TestPackages.RandomFeatures(30, 3) };
        var phonemes = new[] { _scorer.Inputs.Phonemes("one", null), _scorer.Inputs.Phonemes("two words", null) };

        var matrix = _scorer.ScoreMatrix(clips, phonemes);

        Assert.Equal(3, matrix.Scores.Length);
        Assert.All(matrix.Scores, row => Assert.Equal(2, row.Length));
        var pair = _scorer.ScorePairs([clips[2]], [phonemes[1]])[0];
        Assert.Equal(pair.Score, matrix.Scores[2][1], 5);
        Assert.All(matrix.RowSoftmax, row => Assert.Equal(1, row.Sum(), 9));
        Assert.Equal(1, matrix.ColumnSoftmax.Sum(row => row[0]), 9);
    }

    [Fact]
    public void ScoreMatrix_needs_both_sides()
    {
        Assert.Throws<ArgumentException>(() => _scorer.ScoreMatrix([], [_scorer.Inputs.Phonemes("one", null)]));
    }

    [Fact]
    public void Compare_to_itself_has_cosine_one_and_scores_the_transcript_when_given()
    {
        var clip = _scorer.Inputs.FeaturesFromFile(Speech);
        var text = _scorer.Inputs.Phonemes("Alexa, end this call on my phone.", null);

        var same = _scorer.Compare(clip, clip, text);
        var other = _scorer.Compare(clip, _scorer.Inputs.FeaturesFromFile(Flite));

        Assert.Equal(1, same.Cosine, 5);
        var vector = _scorer.EmbedAcoustic([clip])[0].Embedding;
        Assert.Equal(VectorMath.Dot(vector, vector), same.Score, 4);
        Assert.Equal(_scorer.ScorePairs([clip], [text])[0].Score, same.TextScore!.Score, 5);
        Assert.Null(other.TextScore);
        Assert.True(other.Cosine < 1);
    }

    public void Dispose()
    {
        _phonemizer.Dispose();
        _model.Dispose();
    }
}
