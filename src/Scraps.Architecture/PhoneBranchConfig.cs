using System.Text.Json.Serialization;

namespace Scraps.Architecture;

/// <summary>
/// The phone branch of <see cref="ScrapsModelConfig.PhoneBranch"/>: layers over the acoustic encoder's stride-2 stage
/// (25 ms steps, width d) that give the CTC head the capacity to recognise phones.
/// <list type="bullet">
/// <item><c>conv</c>: Linear(d, dim) when dim differs from d, then <see cref="Layers"/> residual blocks
/// x + ReLU(Conv1d(dim, dim, kernel, padding kernel/2)(LayerNorm(x))), zeroing padded steps before each
/// convolution, and a final LayerNorm.</item>
/// <item><c>bilstm</c>: <see cref="Layers"/> bidirectional LSTM layers of dim/2 units each way (the backward one
/// reads each clip reversed within its own length), then LayerNorm.</item>
/// </list>
/// </summary>
public sealed record PhoneBranchConfig
{
    public const string Conv = "conv";
    public const string BiLstm = "bilstm";

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = Conv;

    public int Layers { get; init; } = 4;

    /// <summary>Width of the branch's output (each LSTM direction has half).</summary>
    public int Dim { get; init; } = 128;

    /// <summary>Convolution kernel (odd) of the conv kind.</summary>
    public int Kernel { get; init; } = 5;

    internal IEnumerable<string> Problems()
    {
        if (Kind is not (Conv or BiLstm))
        {
            yield return $"phoneBranch.kind must be {Conv} or {BiLstm}, not '{Kind}'";
        }
        if (Layers < 1)
        {
            yield return $"phoneBranch.layers must be at least 1, not {Layers}";
        }
        if (Dim < 2 || Dim % 2 != 0)
        {
            yield return $"phoneBranch.dim must be a positive even number, not {Dim}";
        }
        if (Kind == Conv && (Kernel < 1 || Kernel % 2 == 0))
        {
            yield return $"phoneBranch.kernel must be a positive odd number, not {Kernel}";
        }
    }
}
