using Scraps.Audio;
using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Runs the evaluation on prepared pairs (paper sections 4.2-4.3): the pairs, in their sampled order, are cut into
/// minibatches of equal size; each minibatch gives a score matrix L = T·Aᵀ (rows phonemes, columns audio, matched pairs
/// on the diagonal). Clean vectors are computed once; each corruption level encodes only the corrupted side.
/// </summary>
internal sealed class EvalRunner(IPairEncoder encoder, EvalSettings settings, IEvalProgress progress)
{
    /// <param name="pairs">At least two prepared pairs; beyond whole minibatches the rest is left out (with a warning).</param>
    /// <param name="substitution">The phoneme substitution of the package's inventory.</param>
    /// <param name="nearMisses">Word-swap near-misses; null when there is no phonemiser or vocabulary.</param>
    /// <exception cref="ArgumentException">Fewer than two pairs.</exception>
    public EvalReport Run(
        IReadOnlyList<EvalPair> pairs, PhonemeSubstitution substitution, WordSwapNearMisses? nearMisses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(substitution);
        var batchSize = Math.Min(settings.BatchSize, pairs.Count);
        if (batchSize < 2)
        {
            throw new ArgumentException($"the evaluation needs at least 2 usable pairs, got {pairs.Count}");
        }

        var used = pairs.Count / batchSize * batchSize;
        if (batchSize < settings.BatchSize)
        {
            progress.Warn($"only {pairs.Count} pairs: one minibatch of {batchSize} instead of {settings.BatchSize}");
        }
        else if (used < pairs.Count)
        {
            progress.Warn($"{pairs.Count} pairs make {used / batchSize} whole minibatches of {batchSize}: the last {pairs.Count - used} pair(s) are left out");
        }

        var set = pairs.Take(used).ToArray();
        var features = set.Select(p => p.Features).ToArray();
        var phonemes = set.Select(p => p.Phonemes).ToArray();

        progress.StageStarted("clean pairs", 2 * used);
        var audio = EncodeAudio(features, cancellationToken);
        var text = EncodePhonemes(phonemes, cancellationToken);
        var clean = PairScores.Diagonal(text, audio);
        var minibatches = new List<RetrievalFigures>();
        for (var start = 0; start < used; start += batchSize)
        {
            minibatches.Add(RetrievalMetrics.Compute(PairScores.Matrix(text, audio, start, batchSize)));
        }

        var summary = RetrievalSummary.Aggregate(minibatches);
        var minibatch = summary with
        {
            AucRoc = Rate(summary.AucRoc),
            EqualErrorRate = Rate(summary.EqualErrorRate),
            RecallAt1AcousticToPhonetic = Rate(summary.RecallAt1AcousticToPhonetic),
            RecallAt1PhoneticToAcoustic = Rate(summary.RecallAt1PhoneticToAcoustic),
        };

        var substituted = RunLevels("phoneme substitution", used, level =>
        {
            var random = EvalRandom.For(settings.Seed, EvalStage.Substitution, level);
            var corrupted = EncodePhonemes(phonemes.Select(ids => substitution.Corrupt(ids, settings.Levels[level], random)).ToArray(), cancellationToken);
            return Measure(settings.Levels[level], clean, corrupted, audio, batchSize);
        });

        var gaussian = RunLevels("gaussian noise", used, level =>
        {
            var alpha = settings.Levels[level];
            var corrupted = EncodeAudio(
                features,
                (i, clip) => SpectrogramCorruption.Gaussian(clip, alpha, EvalRandom.For(settings.Seed, EvalStage.Gaussian, (level * used) + i)),
                cancellationToken);
            return Measure(alpha, clean, text, corrupted, batchSize);
        });

        var mix = RunLevels("spectrogram mixing", used, level =>
        {
            var alpha = settings.Levels[level];
            var corrupted = EncodeAudio(
                features,
                (i, clip) =>
                {
                    var random = EvalRandom.For(settings.Seed, EvalStage.Mix, (level * used) + i);
                    var other = random.Next(used - 1);
                    other += other >= i ? 1 : 0;
                    return SpectrogramCorruption.Mix(clip, features[other], alpha, random);
                },
                cancellationToken);
            return Measure(alpha, clean, text, corrupted, batchSize);
        });

        var wordSwap = RunWordSwap(set, clean, audio, nearMisses, cancellationToken);
        return new EvalReport(used, batchSize, minibatch, substituted, gaussian, mix, wordSwap);
    }

    /// <summary>
    /// One level's figures from the corrupted side's vectors: the AUC of each minibatch's corrupted score matrix and the
    /// drops and lifts of the matched scores.
    /// </summary>
    private static CorruptionLevelResult Measure(double level, float[] clean, float[][] text, float[][] audio, int batchSize)
    {
        var aucs = new List<double>();
        for (var start = 0; start < text.Length; start += batchSize)
        {
            aucs.Add(RetrievalMetrics.Compute(PairScores.Matrix(text, audio, start, batchSize)).AucRoc);
        }

        return new CorruptionLevelResult(level, Rate(ConfidenceIntervals.Mean(aucs)), ScoreShift.Measure(clean, PairScores.Diagonal(text, audio)));
    }

    /// <summary>A Student-t interval of a mean of rates, clipped to the [0, 1] a rate lives in.</summary>
    private static ConfidenceInterval Rate(ConfidenceInterval interval) =>
        interval with { Lower = Math.Max(0, interval.Lower), Upper = Math.Min(1, interval.Upper) };

    private List<CorruptionLevelResult> RunLevels(string stage, int used, Func<int, CorruptionLevelResult> runLevel)
    {
        progress.StageStarted(stage, settings.Levels.Count * used);
        var results = new List<CorruptionLevelResult>(settings.Levels.Count);
        for (var level = 0; level < settings.Levels.Count; level++)
        {
            results.Add(runLevel(level));
        }

        return results;
    }

    private WordSwapResult RunWordSwap(EvalPair[] set, float[] clean, float[][] audio, WordSwapNearMisses? nearMisses, CancellationToken cancellationToken)
    {
        if (nearMisses is null)
        {
            progress.Warn("word swap skipped: no phonemiser for transcripts");
            return new WordSwapResult(null, 0);
        }

        var swapped = new List<long[]>();
        var owners = new List<int>();
        for (var i = 0; i < set.Length; i++)
        {
            if (nearMisses.TryCreate(set[i], EvalRandom.For(settings.Seed, EvalStage.WordSwap, i)) is { } ids)
            {
                swapped.Add(ids);
                owners.Add(i);
            }
        }

        progress.StageStarted("word swap", swapped.Count);
        if (swapped.Count == 0)
        {
            progress.Warn($"word swap skipped: no transcript could be swapped (vocabulary of {nearMisses.VocabularySize} word(s); X-SAMPA lines have no transcript)");
            return new WordSwapResult(null, 0);
        }

        var vectors = EncodePhonemes(swapped, cancellationToken);
        var positives = new float[owners.Count];
        var negatives = new float[owners.Count];
        for (var k = 0; k < owners.Count; k++)
        {
            positives[k] = clean[owners[k]];
            negatives[k] = PairScores.Dot(vectors[k], audio[owners[k]]);
        }

        return new WordSwapResult(BinaryScoreMetrics.AucRoc(positives, negatives), owners.Count);
    }

    private float[][] EncodeAudio(LogMel[] features, CancellationToken cancellationToken) =>
        EncodeAudio(features, static (_, clip) => clip, cancellationToken);

    /// <summary>Encodes <c>transform(i, features[i])</c> chunk by chunk, so corrupted spectrograms never all sit in memory.</summary>
    private float[][] EncodeAudio(LogMel[] features, Func<int, LogMel, LogMel> transform, CancellationToken cancellationToken)
    {
        var vectors = new float[features.Length][];
        for (var start = 0; start < features.Length; start += settings.EncodeChunk)
        {
            var count = Math.Min(settings.EncodeChunk, features.Length - start);
            var chunk = new LogMel[count];
            Parallel.For(
                0,
                count,
                new ParallelOptions { MaxDegreeOfParallelism = settings.PreparationThreads, CancellationToken = cancellationToken },
                k => chunk[k] = transform(start + k, features[start + k]));
            encoder.EncodeAudio(chunk, cancellationToken).CopyTo(vectors, start);
            progress.Advanced(count);
        }

        return vectors;
    }

    private float[][] EncodePhonemes(IReadOnlyList<long[]> phonemes, CancellationToken cancellationToken)
    {
        var vectors = new float[phonemes.Count][];
        for (var start = 0; start < phonemes.Count; start += settings.EncodeChunk)
        {
            var count = Math.Min(settings.EncodeChunk, phonemes.Count - start);
            var chunk = new long[count][];
            for (var k = 0; k < count; k++)
            {
                chunk[k] = phonemes[start + k];
            }

            encoder.EncodePhonemes(chunk, cancellationToken).CopyTo(vectors, start);
            progress.Advanced(count);
        }

        return vectors;
    }
}
