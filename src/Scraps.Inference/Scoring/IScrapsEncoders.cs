using Scraps.Audio;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Scoring;

/// <summary>
/// How <see cref="ScrapsScorer"/> runs the encoders: directly (<see cref="DirectEncoders"/>, the CLI) or through the
/// service's dynamic batchers, which share graph runs between requests. Result i belongs to input i.
/// </summary>
public interface IScrapsEncoders
{
    Task<EncoderOutput[]> EncodeAcousticAsync(IReadOnlyList<LogMel> clips, EncoderOutputs outputs, CancellationToken cancellationToken);

    Task<EncoderOutput[]> EncodePhoneticAsync(IReadOnlyList<long[]> phonemes, EncoderOutputs outputs, CancellationToken cancellationToken);
}

/// <summary>Runs the model's encoders on the caller's thread, batching each list itself (length-sorted, minimal padding).</summary>
public sealed class DirectEncoders(Runtime.ScrapsModel model) : IScrapsEncoders
{
    public Task<EncoderOutput[]> EncodeAcousticAsync(IReadOnlyList<LogMel> clips, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        Task.FromResult(model.Acoustic.Encode(clips, outputs, cancellationToken));

    public Task<EncoderOutput[]> EncodePhoneticAsync(IReadOnlyList<long[]> phonemes, EncoderOutputs outputs, CancellationToken cancellationToken) =>
        Task.FromResult(model.Phonetic.Encode(phonemes, outputs, cancellationToken));
}
