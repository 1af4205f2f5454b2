using System.Diagnostics;
using Scraps.Model.Loss;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// The held-out figures every <see cref="TrainingOptions.ValidateEvery"/> steps and at the last one. The minibatches and
/// their near misses are drawn once per run from the seed, so figures at different steps compare the same pairs.
/// </summary>
internal sealed class PeriodicValidation
{
    // The encoders run over a minibatch (sorted by length, see ValidationSet) in chunks of this many pairs, which bounds
    // the padding and the memory of one forward pass; the score matrix still spans the whole minibatch.
    private const int Chunk = 32;

    private readonly TrainingOptions _options;
    private readonly IValidationScorer _scorer;
    private readonly IReadOnlyList<TrainingUtterance[]> _batches;
    private readonly IReadOnlyList<int[][]>? _nearMisses;

    /// <param name="nearMisses">The near-miss sampler (<see cref="TrainState.ValidationNegatives"/>), or null for no near-miss AUC.</param>
    public PeriodicValidation(TrainingOptions options, IValidationScorer scorer, IReadOnlyList<TrainingUtterance> valid, HardNegativeSampler? nearMisses)
    {
        _options = options;
        _scorer = scorer;
        _batches = ValidationSet.Draw(valid, options);
        _nearMisses = nearMisses is null ? null : NearMisses(_batches, nearMisses, options.Seed);
    }

    public bool IsDue(long step) =>
        _options.ValidateEvery > 0 && _batches.Count > 0 && (step % _options.ValidateEvery == 0 || step == _options.Steps);

    /// <summary>
    /// In-batch scores of every validation minibatch, without dropout or gradients; with near misses, the AUC of each
    /// clip's own transcript against a close-word version of it; with the CTC head, the greedy phone error rate.
    /// </summary>
    public ValidationReport Run(TrainState state, long step)
    {
        var started = Stopwatch.GetTimestamp();
        var matrices = new List<float[,]>(_batches.Count);
        var positives = new List<double>();
        var negatives = new List<double>();
        var matchedPairs = new List<double>();
        var nearMissPairs = new List<double>();
        long phoneErrors = 0, phones = 0;
        double lossSum = 0;
        var model = state.Model;
        var collator = state.Collator;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            for (var b = 0; b < _batches.Count; b++)
            {
                var batch = _batches[b];
                using var scope = NewDisposeScope();
                var phonetic = new List<Tensor>();
                var acoustic = new List<Tensor>();
                var nearMiss = new List<Tensor>();
                for (var start = 0; start < batch.Length; start += Chunk)
                {
                    var count = Math.Min(Chunk, batch.Length - start);
                    var chunk = batch.AsSpan(start, count).ToArray();
                    var host = collator.Prepare(chunk, negatives: _nearMisses?[b].AsSpan(start, count).ToArray());
                    var tensors = collator.ToDevice(host);
                    var (ownVectors, ownStates) = model.EncodePhonemes(tensors.Ids, tensors.IdLengths);
                    phonetic.Add(ownVectors);
                    var outputs = model.EncodeAcoustic(tensors.Features, tensors.FeatureLengths);
                    acoustic.Add(outputs.Embeddings);
                    if (tensors.NegativeIds is not null)
                    {
                        var (missVectors, missStates) = model.EncodePhonemes(tensors.NegativeIds, tensors.NegativeLengths!);
                        nearMiss.Add(missVectors);
                        if (model.Matching is not null && outputs.PhoneFeatures is not null)
                        {
                            matchedPairs.AddRange(MatchingPairLogits.SoftMinimum(model.MatchLogits(ownStates, tensors.IdLengths, outputs.PhoneFeatures, outputs.PhoneStepLengths), tensors.Ids, state.IsPhone));
                            nearMissPairs.AddRange(MatchingPairLogits.SoftMinimum(model.MatchLogits(missStates, tensors.NegativeLengths!, outputs.PhoneFeatures, outputs.PhoneStepLengths), tensors.NegativeIds, state.IsPhone));
                        }
                    }
                    if (outputs.PhoneLogProbs is not null && host.CtcTargets is not null)
                    {
                        var (errors, total) = GreedyPhoneErrors.Count(outputs.PhoneLogProbs, outputs.PhoneStepLengths, host.CtcTargets, host.CtcTargetLengths!);
                        phoneErrors += errors;
                        phones += total;
                    }
                }
                var p = cat(phonetic, 0);
                var a = cat(acoustic, 0);
                lossSum += new SymmetricContrastiveLoss().Compute(p, a).item<float>();
                matrices.Add(ToMatrix(SymmetricContrastiveLoss.Scores(p, a)));
                if (nearMiss.Count > 0)
                {
                    positives.AddRange(a.mul(p).sum(1).cpu().data<float>().ToArray().Select(v => (double)v));
                    negatives.AddRange(a.mul(cat(nearMiss, 0)).sum(1).cpu().data<float>().ToArray().Select(v => (double)v));
                }
            }
        }
        finally
        {
            model.train();
        }
        var figures = _scorer.Score(matrices);
        return new ValidationReport(step, lossSum / _batches.Count, figures, _batches.Count, _batches[0].Length, Stopwatch.GetElapsedTime(started))
        {
            NearMissAuc = positives.Count > 0 ? PairedAuc.Compute(positives, negatives) : double.NaN,
            MatchingNearMissAuc = matchedPairs.Count > 0 ? PairedAuc.Compute(matchedPairs, nearMissPairs) : double.NaN,
            PhoneErrorRate = phones > 0 ? (double)phoneErrors / phones : double.NaN,
        };
    }

    /// <summary>One close-word near miss per validation pair, drawn once per run (the same pairs at every validation).</summary>
    private static IReadOnlyList<int[][]> NearMisses(IReadOnlyList<TrainingUtterance[]> batches, HardNegativeSampler sampler, long seed) =>
        batches.Select((batch, b) =>
        {
            var random = new DeterministicRandom(seed, RandomPurpose.ValidationNegatives, b);
            var kind = sampler.Kinds.Contains(HardNegativeKind.CloseWord) ? HardNegativeKind.CloseWord : sampler.Kinds[0];
            return batch.Select(u => sampler.Draw(u.PhonemeIds, kind, random)).ToArray();
        }).ToArray();

    private static float[,] ToMatrix(Tensor scores)
    {
        var n = (int)scores.shape[0];
        var values = scores.cpu().contiguous().data<float>().ToArray();
        var matrix = new float[n, n];
        Buffer.BlockCopy(values, 0, matrix, 0, values.Length * sizeof(float));
        return matrix;
    }
}
