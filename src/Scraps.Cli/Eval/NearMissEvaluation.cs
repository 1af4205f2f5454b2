using Scraps.Inference.Evaluation;
using Scraps.Inference.Scoring;
using Scraps.Phonetics;

namespace Scraps.Cli.Eval;

/// <summary>
/// The near-miss rows of the evaluation (issue 12), through the same scorer the service uses: every pair with a
/// transcript is scored against its own transcript, a close-word substitution, a deletion, an insertion and another
/// pair's transcript; AUCs of matched against each, the decisions at the shipped threshold, and localisation: is the
/// least supported word the substituted one (by CTC confidence, and by the score alone: the word whose removal raises
/// the score most)?
/// </summary>
internal sealed class NearMissEvaluation(ScrapsScorer scorer, NearMissEdits edits, EvalSettings settings, IEvalProgress progress)
{
    public NearMissReport? Run(IReadOnlyList<EvalPair> pairs, CancellationToken cancellationToken)
    {
        var usable = pairs.Where(p => p.Text is not null).ToArray();
        if (usable.Length < 2)
        {
            progress.Warn("near-miss rows skipped: fewer than two pairs have a transcript (X-SAMPA lines cannot be edited as text)");
            return null;
        }

        var words = scorer.HasAlignment;
        var clean = new List<(EvalPair Pair, PhoneticInput Input)>();
        var substituted = new List<(EvalPair Pair, PhoneticInput Input, int Word)>();
        var deleted = new List<(EvalPair Pair, PhoneticInput Input)>();
        var inserted = new List<(EvalPair Pair, PhoneticInput Input)>();
        var random = new List<(EvalPair Pair, PhoneticInput Input)>();
        for (var i = 0; i < usable.Length; i++)
        {
            var pair = usable[i];
            var own = new PhoneticInput(pair.Phonemes, string.Empty);
            clean.Add((pair, own));
            if (edits.Substitute(pair.Text!, EvalRandom.For(settings.Seed, EvalStage.CloseSubstitution, i)) is { } s && Prepare(s.Text, pair, words) is { } si)
            {
                substituted.Add((pair, si, s.Word));
            }

            if (edits.Delete(pair.Text!, EvalRandom.For(settings.Seed, EvalStage.Deletion, i)) is { } d && Prepare(d, pair, false) is { } di)
            {
                deleted.Add((pair, di));
            }

            if (Prepare(edits.Insert(pair.Text!, EvalRandom.For(settings.Seed, EvalStage.Insertion, i)), pair, false) is { } ii)
            {
                inserted.Add((pair, ii));
            }

            var other = Enumerable.Range(1, usable.Length - 1).Select(k => usable[(i + k) % usable.Length]).FirstOrDefault(o => !o.Phonemes.AsSpan().SequenceEqual(pair.Phonemes));
            if (other is not null)
            {
                random.Add((pair, new PhoneticInput(other.Phonemes, string.Empty)));
            }
        }

        progress.StageStarted("near misses", clean.Count + substituted.Count + deleted.Count + inserted.Count + random.Count);
        var cleanScores = Score(clean, false, cancellationToken);
        var substitutedScores = Score(substituted.Select(s => (s.Pair, s.Input)).ToArray(), words, cancellationToken);
        var deletedScores = Score(deleted, false, cancellationToken);
        var insertedScores = Score(inserted, false, cancellationToken);
        var randomScores = Score(random, false, cancellationToken);
        var byPair = clean.Select((c, i) => (c.Pair, cleanScores[i])).ToDictionary(x => x.Pair, x => x.Item2);

        NearMissRow Row(string kind, IReadOnlyList<(EvalPair Pair, PhoneticInput Input)> set, PairScore[] scores)
        {
            var matched = set.Select(x => byPair[x.Pair]).ToArray();
            return new NearMissRow(kind, set.Count, Auc(matched, scores, s => s.Score), Auc(matched, scores, Verdict));
        }

        // The shipped per-word confidence, and each of its parts alone (issue 20: goodness of pronunciation, the matching
        // head, both), so that the report says which localises the wrong word best.
        ConfidenceInterval? Localisation(Func<WordScore, double?> key) =>
            !words || substituted.Count == 0 || substitutedScores.Any(s => !LeastSupportedWord.Defined(s.Words ?? [], key))
                ? null
                : ConfidenceIntervals.Wilson(substituted.Where((s, k) => LeastSupportedWord.Of(substitutedScores[k].Words ?? [], key) == s.Word).Count(), Math.Max(1, substituted.Count));
        var verdictLocalisation = Localisation(LeastSupportedWord.Confidence);
        var goodnessLocalisation = Localisation(LeastSupportedWord.Goodness);
        var matchingLocalisation = scorer.Verdicts.HasMatching ? Localisation(LeastSupportedWord.Matching) : null;

        var scoreHits = 0;
        foreach (var (s, k) in substituted.Select((s, k) => (s, k)))
        {
            if (OcclusionPick(s.Pair, s.Input, cancellationToken) == s.Word)
            {
                scoreHits++;
            }
        }

        return new NearMissReport(
            words,
            Row("close-word substitution", substituted.Select(s => (s.Pair, s.Input)).ToArray(), substitutedScores),
            Row("word deletion", deleted, deletedScores),
            Row("word insertion", inserted, insertedScores),
            verdictLocalisation,
            ConfidenceIntervals.Wilson(scoreHits, Math.Max(1, substituted.Count)),
            goodnessLocalisation,
            matchingLocalisation,
            ConfidenceIntervals.Wilson(cleanScores.Count(s => !s.Match), cleanScores.Length),
            ConfidenceIntervals.Wilson(substitutedScores.Count(s => s.Match), Math.Max(1, substitutedScores.Length)),
            ConfidenceIntervals.Wilson(randomScores.Count(s => s.Match), Math.Max(1, randomScores.Length)),
            substituted.Count);
    }

    /// <summary>The verdict's ordering value: its log-odds with the CTC head, else the raw score.</summary>
    private static double Verdict(PairScore s) => s.VerdictLogit ?? s.Score;

    /// <summary>
    /// Score-only localisation by occlusion: each word of the transcript left out in turn (with a separator next to it);
    /// the word whose removal raises the SCRAPS score most is the one the audio supports least.
    /// </summary>
    private int OcclusionPick(EvalPair pair, PhoneticInput input, CancellationToken cancellationToken)
    {
        var transcript = input.Words ?? scorer.Inputs.Phonemes(null, input.XSampa, words: true).Words!;
        var variants = new List<(int Word, long[] Ids)>();
        for (var j = 0; j < transcript.Count; j++)
        {
            var w = transcript[j];
            if (w.IsEmpty)
            {
                continue;
            }

            var end = w.End < input.Ids.Length && IsSeparator(input.Ids[w.End]) ? w.End + 1 : w.End;
            var start = end == w.End && w.Start > 0 && IsSeparator(input.Ids[w.Start - 1]) ? w.Start - 1 : w.Start;
            var ids = input.Ids.Take(start).Concat(input.Ids.Skip(end)).ToArray();
            if (ids.Length > 0)
            {
                variants.Add((j, ids));
            }
        }
        if (variants.Count == 0)
        {
            return -1;
        }

        var audio = scorer.EmbedAcoustic([pair.Features], cancellationToken: cancellationToken)[0].Embedding;
        var vectors = scorer.EmbedPhonetic(variants.Select(v => new PhoneticInput(v.Ids, string.Empty)).ToArray(), cancellationToken: cancellationToken);
        var best = 0;
        for (var k = 1; k < variants.Count; k++)
        {
            if (VectorMath.Dot(audio, vectors[k].Embedding) > VectorMath.Dot(audio, vectors[best].Embedding))
            {
                best = k;
            }
        }
        return variants[best].Word;
    }

    private bool IsSeparator(long id) => scorer.Model.Inventory[(int)id].Kind is PhonemeKind.WordBoundary or PhonemeKind.Pause;

    /// <summary>The edited transcript's phonemes, or null when it cannot be scored or says exactly what the original says.</summary>
    private PhoneticInput? Prepare(string text, EvalPair pair, bool words)
    {
        try
        {
            var input = scorer.Inputs.Phonemes(text, null, words);
            return input.Length <= scorer.Model.Manifest.Architecture.MaxPositions && !input.Ids.AsSpan().SequenceEqual(pair.Phonemes) ? input : null;
        }
        catch (PhonemeInputException)
        {
            return null;
        }
    }

    private PairScore[] Score(IReadOnlyList<(EvalPair Pair, PhoneticInput Input)> set, bool words, CancellationToken cancellationToken)
    {
        var scores = new PairScore[set.Count];
        for (var start = 0; start < set.Count; start += settings.EncodeChunk)
        {
            var chunk = set.Skip(start).Take(settings.EncodeChunk).ToArray();
            scorer.ScorePairsAsync(chunk.Select(c => c.Pair.Features).ToArray(), chunk.Select(c => c.Input).ToArray(), words, cancellationToken)
                .GetAwaiter().GetResult().CopyTo(scores, start);
            progress.Advanced(chunk.Length);
        }
        return scores;
    }

    private static ConfidenceInterval Auc(PairScore[] matched, PairScore[] negatives, Func<PairScore, double> value)
    {
        if (matched.Length == 0 || negatives.Length == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, double.NaN, 0.95);
        }

        var auc = BinaryScoreMetrics.AucRoc(matched.Select(m => (float)value(m)).ToArray(), negatives.Select(n => (float)value(n)).ToArray());
        return ConfidenceIntervals.HanleyMcNeil(auc, matched.Length, negatives.Length);
    }
}
