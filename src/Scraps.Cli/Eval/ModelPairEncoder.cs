using Scraps.Audio;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;

namespace Scraps.Cli.Eval;

/// <summary>The package's ONNX encoders, as the service runs them (batched, length-sorted, minimally padded).</summary>
internal sealed class ModelPairEncoder(ScrapsModel model) : IPairEncoder
{
    public float[][] EncodeAudio(IReadOnlyList<LogMel> features, CancellationToken cancellationToken) =>
        model.Acoustic.Encode(features, EncoderOutputs.Embedding, cancellationToken).Select(o => o.Embedding).ToArray();

    public float[][] EncodePhonemes(IReadOnlyList<long[]> phonemes, CancellationToken cancellationToken) =>
        model.Phonetic.Encode(phonemes, EncoderOutputs.Embedding, cancellationToken).Select(o => o.Embedding).ToArray();
}
