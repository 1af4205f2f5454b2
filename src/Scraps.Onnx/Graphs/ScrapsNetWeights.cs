namespace Scraps.Onnx.Graphs;

/// <summary>All weights of a Scraps network as plain arrays (PyTorch layouts), plus its sizes.</summary>
public sealed record ScrapsNetWeights(
    ScrapsGraphDims Dims,
    PhoneticEncoderWeights Phonetic,
    AcousticEncoderWeights Acoustic,
    LstmWeights Integrator)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first weight whose size disagrees with <see cref="Dims"/>.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Dims);
        Dims.Validate();
        Phonetic.Validate(Dims);
        Acoustic.Validate(Dims);
        Integrator.Validate(Dims);
    }
}
