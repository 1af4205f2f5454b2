using Scraps.Audio;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Scoring;

/// <summary>
/// How <see cref="ScrapsScorer"/> runs the encoders for one operation: directly (<see cref="DirectEncoders"/>, the
/// CLI) or through the service's dynamic batchers, which share graph runs between requests. Both sides of an operation
/// are handed over in one call, so that the implementation alone decides how they run and what happens to the rest
/// when one item fails (the batched one cancels every other item of the operation). Result i belongs to input i.
/// </summary>
public interface IScrapsEncoders
{
    Task<EncodedInputs> EncodeAsync(EncodeRequest request, CancellationToken cancellationToken);
}

/// <summary>The clips and phoneme sequences of one operation, each side with the outputs it needs (either may be empty).</summary>
public sealed record EncodeRequest(IReadOnlyList<LogMel> Clips, EncoderOutputs AcousticOutputs, IReadOnlyList<long[]> Phonemes, EncoderOutputs PhoneticOutputs)
{
    public static EncodeRequest AcousticOnly(IReadOnlyList<LogMel> clips, EncoderOutputs outputs) => new(clips, outputs, [], EncoderOutputs.Embedding);

    public static EncodeRequest PhoneticOnly(IReadOnlyList<long[]> phonemes, EncoderOutputs outputs) => new([], EncoderOutputs.Embedding, phonemes, outputs);
}

/// <summary>The outputs of an <see cref="EncodeRequest"/>, in its order.</summary>
public sealed record EncodedInputs(EncoderOutput[] Acoustic, EncoderOutput[] Phonetic);

/// <summary>Runs the model's encoders on the caller's thread, batching each list itself (length-sorted, minimal padding).</summary>
public sealed class DirectEncoders(Runtime.ScrapsModel model) : IScrapsEncoders
{
    public Task<EncodedInputs> EncodeAsync(EncodeRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new EncodedInputs(
            request.Clips.Count == 0 ? [] : model.Acoustic.Encode(request.Clips, request.AcousticOutputs, cancellationToken),
            request.Phonemes.Count == 0 ? [] : model.Phonetic.Encode(request.Phonemes, request.PhoneticOutputs, cancellationToken)));
}
