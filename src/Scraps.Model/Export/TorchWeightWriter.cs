using Scraps.Onnx.Graphs;
using static TorchSharp.torch;

namespace Scraps.Model.Export;

/// <summary>
/// The inverse of <see cref="TorchWeightReader"/>: plain weight arrays (PyTorch layouts, e.g. read back from a model
/// package's ONNX graphs) as tensors under <see cref="Modules.ScrapsNet"/>'s state-dict names, ready for
/// <see cref="Modules.ScrapsNet.CopyFrom"/>.
/// </summary>
internal static class TorchWeightWriter
{
    /// <summary>The tensors belong to the caller's dispose scope.</summary>
    public static Dictionary<string, Tensor> ToStateDict(ScrapsNetWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        weights.Validate();
        var c = weights.Dims;
        long d = c.ModelDim;
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        void Put(string name, float[] values, params long[] shape) => state[name] = tensor(values, shape);
        void Linear(string name, LinearWeights w, long inputs, long outputs)
        {
            Put($"{name}.weight", w.Weight, outputs, inputs);
            Put($"{name}.bias", w.Bias, outputs);
        }
        void Norm(string name, LayerNormWeights w)
        {
            Put($"{name}.weight", w.Scale, d);
            Put($"{name}.bias", w.Bias, d);
        }
        void Blocks(string encoder, IReadOnlyList<TransformerBlockWeights> blocks)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                var b = blocks[i];
                var name = $"{encoder}.blocks.{i}";
                Norm($"{name}.norm1", b.Norm1);
                Linear($"{name}.attention.query", b.Attention.Query, d, d);
                Linear($"{name}.attention.key", b.Attention.Key, d, d);
                Linear($"{name}.attention.value", b.Attention.Value, d, d);
                Linear($"{name}.attention.output", b.Attention.Output, d, d);
                Norm($"{name}.norm2", b.Norm2);
                Linear($"{name}.ffn1", b.Ffn1, d, c.FfnDim);
                Linear($"{name}.ffn2", b.Ffn2, c.FfnDim, d);
            }
        }

        var p = weights.Phonetic;
        Put("phonetic.embedding.weight", p.Embedding, c.VocabSize, d);
        state["phonetic.alpha"] = tensor(p.Alpha);
        Put("phonetic.position_table", p.PositionTable, c.MaxPositions, d);
        Blocks("phonetic", p.Blocks);
        Norm("phonetic.final_norm", p.FinalNorm);

        var a = weights.Acoustic;
        Linear("acoustic.prenet", a.Prenet, c.MelBins, d);
        for (var i = 0; i < a.Subsampling.Count; i++)
        {
            Put($"acoustic.subsampling.{i}.weight", a.Subsampling[i].Weight, d, d, AcousticEncoderWeights.ConvKernel);
            Put($"acoustic.subsampling.{i}.bias", a.Subsampling[i].Bias, d);
        }
        state["acoustic.alpha"] = tensor(a.Alpha);
        Put("acoustic.position_table", a.PositionTable, c.MaxPositions, d);
        Blocks("acoustic", a.Blocks);
        Norm("acoustic.final_norm", a.FinalNorm);

        long gates = 4L * c.LstmHidden;
        Put("integrator.weight_ih_l0", weights.Integrator.WeightIh, gates, d);
        Put("integrator.weight_hh_l0", weights.Integrator.WeightHh, gates, c.LstmHidden);
        Put("integrator.bias_ih_l0", weights.Integrator.BiasIh, gates);
        Put("integrator.bias_hh_l0", weights.Integrator.BiasHh, gates);
        if (weights.PhoneBranch is { } branch)
        {
            var config = c.PhoneBranch!;
            if (branch.Input is { } input)
            {
                Linear("phone_branch.input", input, d, config.Dim);
            }

            for (var i = 0; i < branch.ConvBlocks.Count; i++)
            {
                Put($"phone_branch.norms.{i}.weight", branch.ConvBlocks[i].Norm.Scale, config.Dim);
                Put($"phone_branch.norms.{i}.bias", branch.ConvBlocks[i].Norm.Bias, config.Dim);
                Put($"phone_branch.convs.{i}.weight", branch.ConvBlocks[i].Conv.Weight, config.Dim, config.Dim, config.Kernel);
                Put($"phone_branch.convs.{i}.bias", branch.ConvBlocks[i].Conv.Bias, config.Dim);
            }
            var half = config.Dim / 2;
            for (var i = 0; i < branch.LstmLayers.Count; i++)
            {
                long inputs = i == 0 ? d : config.Dim;
                foreach (var (direction, lstm) in new[] { ("forward_lstms", branch.LstmLayers[i].Forward), ("backward_lstms", branch.LstmLayers[i].Backward) })
                {
                    Put($"phone_branch.{direction}.{i}.weight_ih_l0", lstm.WeightIh, 4 * half, inputs);
                    Put($"phone_branch.{direction}.{i}.weight_hh_l0", lstm.WeightHh, 4 * half, half);
                    Put($"phone_branch.{direction}.{i}.bias_ih_l0", lstm.BiasIh, 4 * half);
                    Put($"phone_branch.{direction}.{i}.bias_hh_l0", lstm.BiasHh, 4 * half);
                }
            }
            Put("phone_branch.final_norm.weight", branch.FinalNorm.Scale, config.Dim);
            Put("phone_branch.final_norm.bias", branch.FinalNorm.Bias, config.Dim);
        }
        if (weights.CtcHead is { } head)
        {
            Linear("ctc_head", head, c.PhoneBranch?.Dim ?? d, c.VocabSize);
        }

        if (weights.MatchingHead is { } matching)
        {
            long m = c.MatchingHead!.Dim;
            void Width(string name, LayerNormWeights w)
            {
                Put($"{name}.weight", w.Scale, m);
                Put($"{name}.bias", w.Bias, m);
            }
            void Attention(string name, AttentionWeights w)
            {
                Linear($"{name}.query", w.Query, m, m);
                Linear($"{name}.key", w.Key, m, m);
                Linear($"{name}.value", w.Value, m, m);
                Linear($"{name}.output", w.Output, m, m);
            }
            Linear("matching_head.phone_input", matching.PhoneInput, d, m);
            Linear("matching_head.frame_input", matching.FrameInput, c.MatchingAcousticDim, m);
            state["matching_head.alpha"] = tensor(matching.Alpha);
            Put("matching_head.position_table", matching.PositionTable, MatchingHeadWeights.PositionRows(c), m);
            for (var i = 0; i < matching.Layers.Count; i++)
            {
                var l = matching.Layers[i];
                var name = $"matching_head.layers.{i}";
                Width($"{name}.norm1", l.Norm1);
                Attention($"{name}.self_attention", l.SelfAttention);
                Width($"{name}.norm2", l.Norm2);
                Width($"{name}.memory_norm", l.MemoryNorm);
                Attention($"{name}.cross_attention", l.CrossAttention);
                Width($"{name}.norm3", l.Norm3);
                Linear($"{name}.ffn1", l.Ffn1, m, 2 * m);
                Linear($"{name}.ffn2", l.Ffn2, 2 * m, m);
            }
            Width("matching_head.final_norm", matching.FinalNorm);
            Linear("matching_head.output", matching.Output, m, 1);
        }
        return state;
    }
}
