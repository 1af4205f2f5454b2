namespace Scraps.Inference.Batching;

/// <summary>
/// One encoder as the dynamic batcher sees it: how long an input is (the axis that gets padded) and how to
/// run a list of inputs as one padded batch. Implementations are called from one worker at a time per batch
/// but from several workers at once, so they must be thread-safe (an ONNX Runtime session is).
/// </summary>
/// <typeparam name="TInput">One request's input (log-mel frames, phoneme ids).</typeparam>
/// <typeparam name="TOutput">One request's result (its vector, and per-step outputs when asked for).</typeparam>
public interface IBatchEncoder<in TInput, TOutput>
{
    /// <summary>The input's length on the padded axis (frames, phonemes); at least 1.</summary>
    int LengthOf(TInput input);

    /// <summary>
    /// Encodes <paramref name="inputs"/> (sorted by length, shortest first) and returns one output per input,
    /// in the same order. <paramref name="outputs"/> is the union of what the requests of the batch asked for.
    /// </summary>
    IReadOnlyList<TOutput> EncodeBatch(IReadOnlyList<TInput> inputs, Encoders.EncoderOutputs outputs, CancellationToken cancellationToken);
}
