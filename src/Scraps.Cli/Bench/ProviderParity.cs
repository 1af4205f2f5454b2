using System.Diagnostics;
using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Inference.Scoring;

namespace Scraps.Cli.Bench;

/// <summary>How far a provider's outputs are from the CPU's on the same inputs (the bench workload).</summary>
/// <param name="Provider">The candidate's provider status (what ran and why).</param>
/// <param name="MaxAbsDiff">Largest |candidate - cpu| over every embedding and per-step value.</param>
/// <param name="MaxRelDiff">That difference over the largest |cpu| value of the same output.</param>
/// <param name="MinCosine">Smallest cosine similarity between an embedding and its CPU twin.</param>
/// <param name="MaxScoreDiff">Largest difference of a pair's raw score (dot product) between the two.</param>
/// <param name="LoadSeconds">Time to create the candidate's sessions (CUDA: provider and device start-up).</param>
internal sealed record ParityResult(
    ExecutionProviderStatus Provider, int Clips, double MaxAbsDiff, double MaxRelDiff, double MinCosine, double MaxScoreDiff, double LoadSeconds);

/// <summary>
/// Encodes the bench workload (16 clips of 1-4 s and their transcripts, both encoders, embeddings and per-step outputs)
/// on the CPU and on the candidate provider, and compares. On CUDA, TF32 matrix products (on by default) alone give
/// relative differences around 1e-3; CPU against CPU gives 0.
/// </summary>
internal static class ProviderParity
{
    public static ParityResult Run(string modelFolder, ScrapsModelOptions candidate, CancellationToken cancellationToken)
    {
        var items = BenchWorkload.Create();
        using var reference = ScrapsModel.Load(modelFolder, new ScrapsModelOptions { ExecutionProvider = ExecutionProviderKind.Cpu });
        using var phonemizer = reference.CreatePhonemizer();
        var scorer = new ScrapsScorer(reference, phonemizer);
        var clips = items.Select(i => scorer.Inputs.FeaturesFromBytes(i.Wav)).ToArray();
        var phonemes = items.Select(i => scorer.Inputs.Phonemes(i.Transcript, null).Ids).ToArray();

        var started = Stopwatch.GetTimestamp();
        using var model = ScrapsModel.Load(modelFolder, candidate);
        var loadSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        var outputs = EncoderOutputs.Embedding | EncoderOutputs.Sequence;
        var (acousticRef, phoneticRef) = Encode(reference, clips, phonemes, outputs, cancellationToken);
        var (acoustic, phonetic) = Encode(model, clips, phonemes, outputs, cancellationToken);

        var diff = new Difference();
        for (var i = 0; i < items.Count; i++)
        {
            diff.Add(acousticRef[i].Embedding, acoustic[i].Embedding, isEmbedding: true);
            diff.Add(phoneticRef[i].Embedding, phonetic[i].Embedding, isEmbedding: true);
            diff.Add(acousticRef[i].Sequence!, acoustic[i].Sequence!, isEmbedding: false);
            diff.Add(phoneticRef[i].Sequence!, phonetic[i].Sequence!, isEmbedding: false);
            var scoreRef = VectorMath.Dot(acousticRef[i].Embedding, phoneticRef[i].Embedding);
            var score = VectorMath.Dot(acoustic[i].Embedding, phonetic[i].Embedding);
            diff.MaxScore = Math.Max(diff.MaxScore, Math.Abs(score - scoreRef));
        }

        return new ParityResult(model.Provider, items.Count, diff.MaxAbs, diff.MaxAbs / Math.Max(diff.MaxRef, 1e-30), diff.MinCosine, diff.MaxScore, loadSeconds);
    }

    private static (EncoderOutput[] Acoustic, EncoderOutput[] Phonetic) Encode(
        ScrapsModel model, LogMel[] clips, long[][] phonemes, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        (model.Acoustic.Encode(clips, outputs, cancellationToken), model.Phonetic.Encode(phonemes, outputs, cancellationToken));

    private sealed class Difference
    {
        public double MaxAbs { get; private set; }

        public double MaxRef { get; private set; }

        public double MinCosine { get; private set; } = 1;

        public double MaxScore { get; set; }

        public void Add(float[] reference, float[] candidate, bool isEmbedding)
        {
            if (reference.Length != candidate.Length)
            {
                throw new InvalidOperationException($"outputs of different sizes: {reference.Length} on CPU, {candidate.Length} on the candidate");
            }

            double dot = 0, normRef = 0, normCand = 0;
            for (var k = 0; k < reference.Length; k++)
            {
                MaxAbs = Math.Max(MaxAbs, Math.Abs((double)candidate[k] - reference[k]));
                MaxRef = Math.Max(MaxRef, Math.Abs((double)reference[k]));
                dot += (double)reference[k] * candidate[k];
                normRef += (double)reference[k] * reference[k];
                normCand += (double)candidate[k] * candidate[k];
            }

            if (isEmbedding && normRef > 0 && normCand > 0)
            {
                MinCosine = Math.Min(MinCosine, dot / Math.Sqrt(normRef * normCand));
            }
        }
    }
}
