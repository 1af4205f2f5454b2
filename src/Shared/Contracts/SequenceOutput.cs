#if SCRAPS_SERVICE
namespace Scraps.Service.Api.Contracts;
#else
namespace Scraps.Client;
#endif

/// <summary>Per-step outputs of an encoder's backbone (before the shared LSTM), padding removed.</summary>
sealed partial record SequenceOutput
{
    /// <summary>Number of steps (phonemes, or acoustic frames after subsampling).</summary>
    public required int Steps { get; init; }

    /// <summary>Values per step (the backbone width).</summary>
    public required int Dimension { get; init; }

    /// <summary>The outputs, [steps][dimension].</summary>
    public required float[][] Values { get; init; }
}
