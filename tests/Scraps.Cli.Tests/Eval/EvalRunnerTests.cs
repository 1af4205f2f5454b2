using Scraps.Cli.Eval;
using Scraps.Cli.Tests.Eval.Support;
using Scraps.Phonetics;

namespace Scraps.Cli.Tests.Eval;

public class EvalRunnerTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;
    private static readonly long[] Phones = Inventory.Symbols.Where(s => s.Kind == PhonemeKind.Phone && s.Id < 80).Select(s => (long)s.Id).ToArray();

    /// <summary>Pairs with distinct random phone sequences of 12 to 20 phones, audio made for the oracle.</summary>
    private static List<EvalPair> Pairs(int count, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var ids = Enumerable.Range(0, random.Next(12, 21)).Select(_ => Phones[random.Next(Phones.Length)]).ToArray();
            return new EvalPair($"u{i}", null, ids, OracleEncoder.Features(ids));
        }).ToList();
    }

    private static EvalReport Run(List<EvalPair> pairs, int batch, RecordingProgress? progress = null, IPairEncoder? encoder = null) =>
        new EvalRunner(encoder ?? new OracleEncoder(), new EvalSettings { BatchSize = batch, Seed = 4, EncodeChunk = 16 }, progress ?? new RecordingProgress())
            .Run(pairs, new PhonemeSubstitution(Inventory), nearMisses: null, CancellationToken.None);

    [Fact]
    public void A_perfect_model_separates_every_minibatch_and_every_substitution_drops_its_score()
    {
        var report = Run(Pairs(24), batch: 8);

        Assert.Equal(24, report.Pairs);
        Assert.Equal(8, report.BatchSize);
        Assert.Equal(3, report.Batches);
        Assert.Equal(1.0, report.Minibatch.AucRoc.Estimate);
        Assert.Equal(0.0, report.Minibatch.EqualErrorRate.Estimate);
        Assert.Equal(1.0, report.Minibatch.RecallAt1AcousticToPhonetic.Estimate);
        Assert.Equal(1.0, report.Minibatch.RecallAt1PhoneticToAcoustic.Estimate);
        Assert.Equal(EvalSettings.PaperLevels, report.Substitution.Select(l => l.Level));
        Assert.All(report.Substitution, level =>
        {
            Assert.Equal(24, level.Shift.Drops);
            Assert.Equal(0, level.Shift.Lifts);
        });
    }

    [Fact]
    public void Light_noise_or_mixing_leaves_a_perfect_models_scores_alone_and_heavy_noise_drops_them()
    {
        var report = Run(Pairs(24), batch: 8);

        // α = 0.05: the one-hot frames still dominate, so nothing moves and the minibatches stay separated.
        foreach (var light in new[] { report.Gaussian[0], report.Mix[0] })
        {
            Assert.Equal(0.05, light.Level);
            Assert.Equal(0, light.Shift.Drops + light.Shift.Lifts);
            Assert.Equal(1.0, light.Auc.Estimate);
        }

        // α = 0.95: Gaussian noise decides the loudest bins, so the matched score (1, the maximum) falls.
        var heavy = report.Gaussian[^1];
        Assert.Equal(0.95, heavy.Level);
        Assert.True(heavy.Shift.DropRate.Estimate > 0.9, $"drops at α = 0.95: {heavy.Shift.DropRate.Estimate}");
        Assert.True(heavy.Auc.Estimate < 0.8, $"AUC at α = 0.95: {heavy.Auc.Estimate}");
        Assert.InRange(heavy.Auc.Lower, 0, heavy.Auc.Estimate);
        Assert.InRange(heavy.Auc.Upper, heavy.Auc.Estimate, 1);
    }

    [Fact]
    public void Is_deterministic_for_a_seed()
    {
        var first = Run(Pairs(16), batch: 8);
        var second = Run(Pairs(16), batch: 8);

        Assert.Equal(first.Gaussian.Select(l => (l.Auc.Estimate, l.Shift.Drops)), second.Gaussian.Select(l => (l.Auc.Estimate, l.Shift.Drops)));
        Assert.Equal(first.Mix.Select(l => (l.Auc.Estimate, l.Shift.Drops)), second.Mix.Select(l => (l.Auc.Estimate, l.Shift.Drops)));
    }

    [Fact]
    public void Leaves_out_pairs_beyond_whole_minibatches_with_a_warning()
    {
        var progress = new RecordingProgress();

        var report = Run(Pairs(19), batch: 8, progress);

        Assert.Equal(16, report.Pairs);
        Assert.Equal(2, report.Batches);
        Assert.Contains(progress.Warnings, w => w.Contains("the last 3 pair(s) are left out", StringComparison.Ordinal));
        Assert.Equal(16, report.Substitution[0].Shift.Pairs);
    }

    [Fact]
    public void Fewer_pairs_than_a_minibatch_make_one_smaller_minibatch()
    {
        var progress = new RecordingProgress();

        var report = Run(Pairs(5), batch: 128, progress);

        Assert.Equal(5, report.Pairs);
        Assert.Equal(5, report.BatchSize);
        Assert.Equal(1, report.Batches);
        Assert.Equal(1.0, report.Minibatch.AucRoc.Estimate);
        Assert.Contains(progress.Warnings, w => w.Contains("one minibatch of 5 instead of 128", StringComparison.Ordinal));
    }

    [Fact]
    public void Encodes_clean_vectors_once_and_reports_each_stage()
    {
        var progress = new RecordingProgress();
        var encoder = new OracleEncoder();

        Run(Pairs(20), batch: 10, progress, encoder);

        var levels = EvalSettings.PaperLevels.Count;
        // Chunks of 16: 2 calls per pass over 20 pairs. Clean: one audio and one phoneme pass; then one pass per level.
        Assert.Equal(2 * (1 + (2 * levels)), encoder.AudioCalls);
        Assert.Equal(2 * (1 + levels), encoder.PhonemeCalls);
        Assert.Equal(
            new[] { ("clean pairs", 40), ("phoneme substitution", 20 * levels), ("gaussian noise", 20 * levels), ("spectrogram mixing", 20 * levels) },
            progress.Stages.ToArray());
        Assert.All(progress.Stages, s => Assert.Equal(s.Total, progress.Done[s.Stage]));
        Assert.Contains(progress.Warnings, w => w.Contains("word swap skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Word_swaps_are_near_misses_a_perfect_model_always_ranks_below_the_truth()
    {
        // Transcripts of words "w" + two letters naming an index K: the word is the phone Phones[K], so the oracle's audio
        // matches the phonemised text.
        var phonemizer = new IndexPhonemizer();
        var random = new Random(2);
        var pairs = Enumerable.Range(0, 12).Select(i =>
        {
            var text = string.Join(" ", Enumerable.Range(0, 6).Select(_ => IndexPhonemizer.Word(random.Next(Phones.Length))));
            var ids = phonemizer.Ids(text);
            return new EvalPair($"u{i}", text, ids, OracleEncoder.Features(ids));
        }).ToList();
        pairs.Add(new EvalPair("x", null, [Phones[0], Phones[1]], OracleEncoder.Features([Phones[0], Phones[1]]))); // X-SAMPA line: no swap
        var nearMisses = new WordSwapNearMisses(new WordSwap(pairs.Select(p => p.Text).OfType<string>()), phonemizer, maxPhonemes: 100);

        var report = new EvalRunner(new OracleEncoder(), new EvalSettings { BatchSize = 13, Levels = [0.5] }, new RecordingProgress())
            .Run(pairs, new PhonemeSubstitution(Inventory), nearMisses, CancellationToken.None);

        Assert.Equal(12, report.WordSwap.Pairs);
        Assert.Equal(1.0, report.WordSwap.Auc);
    }

    /// <summary>Word "w" + letters of K is the one phone Phones[K]; words are not separated by boundary tokens.</summary>
    private sealed class IndexPhonemizer : IPhonemizer
    {
        public static string Word(int index) => $"w{(char)('a' + (index / 26))}{(char)('a' + (index % 26))}";

        public PhonemeInventory Inventory => PhonemeInventory.EnglishUs;

        public string Voice => "test";

        public string EngineVersion => "1";

        public long[] Ids(string text) => text.Split(' ').Select(w => Phones[((w[1] - 'a') * 26) + (w[2] - 'a')]).ToArray();

        public PhonemeSequence Phonemize(string text) => new(Ids(text).Select(id => Inventory[(int)id]).ToArray());
    }

    [Fact]
    public void Needs_two_pairs() =>
        Assert.Throws<ArgumentException>(() => Run(Pairs(1), batch: 8));
}
