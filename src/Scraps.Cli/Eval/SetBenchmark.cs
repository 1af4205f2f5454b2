using Scraps.Inference.Encoders;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Cli.Eval;

/// <summary>
/// The benchmark per set (issue "Measured on people"): for each set of the manifest (its <c>source</c>: an imported
/// human set, or <c>synthetic</c>) and for the human sets pooled, every clip is scored against its own transcript,
/// an unrelated transcript of the same set, a one-word substitution (a word of the set's own vocabulary, else of the
/// lexicon) and a close-word near miss (a word of the set one phone away where it has one, as TESS's bean/keen, else a
/// lexicon neighbour). Figures: random-pair AUC and EER, R@1 among the set's transcripts, the verdict's AUC against
/// both kinds of near miss, localisation of the close word, the verdict's errors at each operating point, and the CTC
/// head's greedy phone error rate; each with a 95% interval.
/// </summary>
internal sealed class SetBenchmark(ScrapsScorer scorer, IPhonemizer phonemizer, NearMissFinder? finder, int seed, IEvalProgress progress)
{
    /// <summary>Candidates R@1 ranks a clip's transcript among (its own and up to this many minus one others of its set).</summary>
    public const int RankCandidates = 128;

    private const int Chunk = 64;

    public SetBenchmarkReport Run(IReadOnlyList<EvalPair> pairs, CancellationToken cancellationToken)
    {
        var sets = pairs.Where(p => p.Text is not null)
            .GroupBy(p => p.Source ?? "unnamed")
            .OrderBy(g => g.Key == Inference.Manifests.ScoringManifestEntry.SyntheticSource ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        var measured = new List<(string Name, SetScores Scores)>();
        foreach (var set in sets)
        {
            measured.Add((set.Key, Measure(set.Key, set.ToArray(), cancellationToken)));
        }

        var rows = measured.Select(m => m.Scores.Figures(m.Name, scorer)).ToList();
        var human = measured.Where(m => m.Name != Inference.Manifests.ScoringManifestEntry.SyntheticSource).ToArray();
        if (human.Length > 1)
        {
            rows.Add(SetScores.Pool(human.Select(h => h.Scores)).Figures("human (pooled)", scorer));
        }

        return new SetBenchmarkReport(rows, measured.ToDictionary(m => m.Name, m => (IReadOnlyList<double>)m.Scores.MatchedScores.ToArray()),
            measured.ToDictionary(m => m.Name, m => (IReadOnlyList<double>)m.Scores.UnrelatedScores.ToArray()));
    }

    private SetScores Measure(string name, EvalPair[] set, CancellationToken cancellationToken)
    {
        var random = new Random(HashCode.Combine(seed, name.GetHashCode(StringComparison.Ordinal)));
        var vocabulary = new SetVocabulary(set.Select(p => p.Text!), phonemizer);
        var scores = new SetScores { Speakers = set.Select(p => p.Speaker).Distinct().Count() };
        var distinct = set.GroupBy(p => string.Join(',', p.Phonemes)).Select(g => g.First()).ToArray();
        progress.StageStarted($"set {name}", set.Length);
        var textVectors = scorer.EmbedPhonetic(distinct.Select(p => new PhoneticInput(p.Phonemes, string.Empty)).ToArray(), cancellationToken: cancellationToken)
            .Select(o => o.Embedding).ToArray();
        var index = distinct.Select((p, i) => (Key: string.Join(',', p.Phonemes), i)).ToDictionary(x => x.Key, x => x.i);
        for (var start = 0; start < set.Length; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = set.AsSpan(start, Math.Min(Chunk, set.Length - start)).ToArray();
            var clips = chunk.Select(p => p.Features).ToArray();
            var own = chunk.Select(p => new PhoneticInput(p.Phonemes, string.Empty)).ToArray();
            var unrelated = chunk.Select(p => Other(distinct, p, random)).ToArray();
            var substituted = chunk.Select(p => Edit(vocabulary.Substitute(p.Text!, random, close: false), p)).ToArray();
            var close = chunk.Select(p => CloseWord(vocabulary, p, random)).ToArray();

            var matched = scorer.ScorePairs(clips, own, cancellationToken: cancellationToken);
            scores.Add(matched, scorer.ScorePairs(clips, unrelated.Select(u => new PhoneticInput(u.Phonemes, string.Empty)).ToArray(), cancellationToken: cancellationToken));
            scores.AddNearMisses(Score(chunk, substituted, words: false, cancellationToken), matched, scores.Substituted);
            var closeScores = Score(chunk, close.Select(c => c.Input).ToArray(), words: scorer.HasAlignment, cancellationToken);
            scores.AddNearMisses(closeScores, matched, scores.Close);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (closeScores[i] is { Words: { Count: > 1 } words } && close[i].Word is { } word)
                {
                    scores.Localised.Add(new WordLocalisation(
                        LeastSupportedWord.Of(words, LeastSupportedWord.Confidence) == word,
                        LeastSupportedWord.Of(words, LeastSupportedWord.Goodness) == word,
                        LeastSupportedWord.Defined(words, LeastSupportedWord.Matching) ? LeastSupportedWord.Of(words, LeastSupportedWord.Matching) == word : null));
                }
            }

            var audio = scorer.EmbedAcoustic(clips, cancellationToken: cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                scores.RankHits.Add(RankedFirst(audio[i].Embedding, index[string.Join(',', chunk[i].Phonemes)], textVectors, random));
            }

            if (scorer.HasAlignment)
            {
                var posteriors = scorer.Model.Acoustic.Encode(clips, EncoderOutputs.PhoneLogProbs, cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    scores.PhoneErrors.Add(GreedyPhoneErrorRate(posteriors[i].PhoneLogProbs!, chunk[i].Phonemes));
                }
            }

            progress.Advanced(chunk.Length);
        }

        return scores;
    }

    private PairScore?[] Score(EvalPair[] chunk, PhoneticInput?[] edits, bool words, CancellationToken cancellationToken)
    {
        var used = Enumerable.Range(0, chunk.Length).Where(i => edits[i] is not null).ToArray();
        var result = new PairScore?[chunk.Length];
        if (used.Length == 0)
        {
            return result;
        }

        var scored = scorer.ScorePairs(used.Select(i => chunk[i].Features).ToArray(), used.Select(i => edits[i]!).ToArray(), words, cancellationToken);
        for (var k = 0; k < used.Length; k++)
        {
            result[used[k]] = scored[k];
        }

        return result;
    }

    /// <summary>Another transcript of the set with other phonemes (drawn at random).</summary>
    private static EvalPair Other(EvalPair[] distinct, EvalPair pair, Random random)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var other = distinct[random.Next(distinct.Length)];
            if (!other.Phonemes.AsSpan().SequenceEqual(pair.Phonemes))
            {
                return other;
            }
        }
        return distinct.FirstOrDefault(o => !o.Phonemes.AsSpan().SequenceEqual(pair.Phonemes)) ?? pair;
    }

    /// <summary>The close-word edit: a word of the set's own vocabulary one phone away where there is one, else a lexicon neighbour.</summary>
    private (PhoneticInput? Input, int? Word) CloseWord(SetVocabulary vocabulary, EvalPair pair, Random random)
    {
        var edit = vocabulary.Substitute(pair.Text!, random, close: true) ?? LexiconNeighbour(pair.Text!, random);
        return edit is { } e ? (Edit(e, pair), e.Word) : (null, null);
    }

    private (string Text, int Word)? LexiconNeighbour(string text, Random random) =>
        finder is null ? null : new NearMissEdits(finder, phonemizer).Substitute(text, random);

    /// <summary>The edited transcript's phonemes, or null when it cannot be phonemised or says what the original says.</summary>
    private PhoneticInput? Edit((string Text, int Word)? edit, EvalPair pair)
    {
        if (edit is not { } e)
        {
            return null;
        }

        try
        {
            var input = scorer.Inputs.Phonemes(e.Text, null, words: true);
            return input.Ids.AsSpan().SequenceEqual(pair.Phonemes) ? null : input;
        }
        catch (PhonemeInputException)
        {
            return null;
        }
    }

    /// <summary>Whether the clip's own transcript scores highest among itself and up to 127 other transcripts of the set.</summary>
    private static bool RankedFirst(float[] audio, int own, float[][] texts, Random random)
    {
        var others = Enumerable.Range(0, texts.Length).Where(i => i != own).OrderBy(_ => random.Next()).Take(RankCandidates - 1);
        var mine = VectorMath.Dot(audio, texts[own]);
        return others.All(i => VectorMath.Dot(audio, texts[i]) < mine);
    }

    /// <summary>Edit distance of the greedy decoding (best class a step, repeats merged, blanks dropped) to the phones, per phone.</summary>
    private double GreedyPhoneErrorRate(PhonePosteriors posteriors, long[] ids)
    {
        var target = ids.Where(id => scorer.Model.Inventory[(int)id].Kind == PhonemeKind.Phone).Select(id => (int)id).ToArray();
        var decoded = new List<int>();
        var previous = 0;
        for (var t = 0; t < posteriors.Steps; t++)
        {
            var row = posteriors.LogProbs.AsSpan(t * posteriors.Classes, posteriors.Classes);
            var best = 0;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            if (best != 0 && best != previous)
            {
                decoded.Add(best);
            }

            previous = best;
        }
        return target.Length == 0 ? 0 : (double)PhoneEditDistance.Compute(decoded.ToArray(), target) / target.Length;
    }
}
