namespace Scraps.Onnx.Graphs;

/// <summary>
/// The phone branch (<see cref="PhoneBranchConfig"/>) as plain arrays in PyTorch layouts: for the conv kind an optional
/// input Linear(d, dim), residual blocks of LayerNorm + Conv1d(dim, dim, kernel) and a final LayerNorm; for the bilstm
/// kind a forward and a backward LSTM (dim/2 units each) per layer and the final LayerNorm.
/// </summary>
public sealed record PhoneBranchWeights(
    LinearWeights? Input,
    IReadOnlyList<PhoneConvBlockWeights> ConvBlocks,
    IReadOnlyList<BiLstmLayerWeights> LstmLayers,
    LayerNormWeights FinalNorm)
{
    internal void Validate(ScrapsModelConfig dims)
    {
        var branch = dims.PhoneBranch ?? throw new ArgumentException("The weights have a phone branch ('phone_branch') but the config has none.");
        var d = dims.ModelDim;
        if (branch.Kind == PhoneBranchConfig.Conv)
        {
            if ((Input is null) != (d == branch.Dim))
            {
                throw new ArgumentException($"phone_branch.input must be present exactly when phoneBranch.dim ({branch.Dim}) differs from modelDim ({d}).");
            }

            Input?.Validate("phone_branch.input", d, branch.Dim);
            WeightCheck.Count(ConvBlocks, branch.Layers, "phone_branch.convs");
            WeightCheck.Count(LstmLayers, 0, "phone_branch.forward_lstms");
            for (var i = 0; i < ConvBlocks.Count; i++)
            {
                ConvBlocks[i].Norm.Validate($"phone_branch.norms.{i}", branch.Dim);
                ConvBlocks[i].Conv.Validate($"phone_branch.convs.{i}", branch.Dim, branch.Dim, branch.Kernel);
            }
        }
        else
        {
            WeightCheck.Count(LstmLayers, branch.Layers, "phone_branch.forward_lstms");
            WeightCheck.Count(ConvBlocks, 0, "phone_branch.convs");
            for (var i = 0; i < LstmLayers.Count; i++)
            {
                var inputs = i == 0 ? d : branch.Dim;
                LstmLayers[i].Forward.Validate($"phone_branch.forward_lstms.{i}", inputs, branch.Dim / 2);
                LstmLayers[i].Backward.Validate($"phone_branch.backward_lstms.{i}", inputs, branch.Dim / 2);
            }
        }

        FinalNorm.Validate("phone_branch.final_norm", branch.Dim);
    }
}

/// <summary>One residual block of the conv branch: x + ReLU(Conv1d(LayerNorm(x))).</summary>
public sealed record PhoneConvBlockWeights(LayerNormWeights Norm, Conv1dWeights Conv);

/// <summary>One bidirectional layer: two unidirectional LSTMs in PyTorch layout, the second reading each clip reversed.</summary>
public sealed record BiLstmLayerWeights(LstmWeights Forward, LstmWeights Backward);
