using Scraps.Model.Modules;
using Scraps.Onnx.Graphs;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Scraps.Model.Export;

/// <summary>Copies a <see cref="ScrapsNet"/>'s parameters into plain arrays (PyTorch layouts) for the graph writer.</summary>
internal static class TorchWeightReader
{
    public static ScrapsNetWeights Read(ScrapsNet model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var dims = model.Config;
        var weights = new ScrapsNetWeights(
            dims,
            Phonetic(model.Phonetic),
            Acoustic(model.Acoustic),
            Lstm(model.Integrator))
        {
            PhoneBranch = model.Branch is null ? null : Branch(model.Branch),
            MatchingHead = model.Matching is null ? null : Matching(model.Matching),
            CtcHead = model.CtcHead is null ? null : Linear(model.CtcHead, "ctc_head"),
        };
        weights.Validate();
        return weights;
    }

    private static PhoneBranchWeights Branch(PhoneBranch branch) => new(
        branch.Input is null ? null : Linear(branch.Input, "phone_branch.input"),
        branch.ConvBlocks.Select((b, i) => new PhoneConvBlockWeights(Norm(b.Norm, $"phone_branch.norms.{i}"), Conv(b.Conv, $"phone_branch.convs.{i}"))).ToArray(),
        branch.LstmLayers.Select((l, i) => new BiLstmLayerWeights(
            Lstm(l.Forward, $"phone_branch.forward_lstms.{i}"), Lstm(l.Backward, $"phone_branch.backward_lstms.{i}"))).ToArray(),
        Norm(branch.FinalNorm, "phone_branch.final_norm"));

    private static MatchingHeadWeights Matching(MatchingHead head) => new(
        Linear(head.PhoneInput, "matching_head.phone_input"),
        Linear(head.FrameInput, "matching_head.frame_input"),
        Scalar(head.Alpha, "matching_head.alpha"),
        Values(head.PositionTable, "matching_head.position_table"),
        head.Layers.Select((l, i) => new MatchingLayerWeights(
            Norm(l.Norm1, $"matching_head.layers.{i}.norm1"),
            new AttentionWeights(
                Linear(l.SelfAttention.Query, $"matching_head.layers.{i}.self_attention.query"),
                Linear(l.SelfAttention.Key, $"matching_head.layers.{i}.self_attention.key"),
                Linear(l.SelfAttention.Value, $"matching_head.layers.{i}.self_attention.value"),
                Linear(l.SelfAttention.Output, $"matching_head.layers.{i}.self_attention.output")),
            Norm(l.Norm2, $"matching_head.layers.{i}.norm2"),
            Norm(l.MemoryNorm, $"matching_head.layers.{i}.memory_norm"),
            new AttentionWeights(
                Linear(l.Attention.Query, $"matching_head.layers.{i}.cross_attention.query"),
                Linear(l.Attention.Key, $"matching_head.layers.{i}.cross_attention.key"),
                Linear(l.Attention.Value, $"matching_head.layers.{i}.cross_attention.value"),
                Linear(l.Attention.Output, $"matching_head.layers.{i}.cross_attention.output")),
            Norm(l.Norm3, $"matching_head.layers.{i}.norm3"),
            Linear(l.Ffn1, $"matching_head.layers.{i}.ffn1"),
            Linear(l.Ffn2, $"matching_head.layers.{i}.ffn2"))).ToArray(),
        Norm(head.FinalNorm, "matching_head.final_norm"),
        Linear(head.Output, "matching_head.output"));

    private static PhoneticEncoderWeights Phonetic(PhoneticEncoder encoder) => new(
        Values(encoder.Embedding.weight, "phonetic.embedding.weight"),
        Scalar(encoder.Alpha, "phonetic.alpha"),
        Values(encoder.PositionTable, "phonetic.position_table"),
        encoder.Blocks.Select((b, i) => Block(b, $"phonetic.blocks.{i}")).ToArray(),
        Norm(encoder.FinalNorm, "phonetic.final_norm"));

    private static AcousticEncoderWeights Acoustic(AcousticEncoder encoder) => new(
        Linear(encoder.Prenet, "acoustic.prenet"),
        encoder.Subsampling.Select((c, i) => Conv(c, $"acoustic.subsampling.{i}")).ToArray(),
        Scalar(encoder.Alpha, "acoustic.alpha"),
        Values(encoder.PositionTable, "acoustic.position_table"),
        encoder.Blocks.Select((b, i) => Block(b, $"acoustic.blocks.{i}")).ToArray(),
        Norm(encoder.FinalNorm, "acoustic.final_norm"));

    private static TransformerBlockWeights Block(TransformerBlock block, string name) => new(
        Norm(block.Norm1, $"{name}.norm1"),
        new AttentionWeights(
            Linear(block.Attention.Query, $"{name}.attention.query"),
            Linear(block.Attention.Key, $"{name}.attention.key"),
            Linear(block.Attention.Value, $"{name}.attention.value"),
            Linear(block.Attention.Output, $"{name}.attention.output")),
        Norm(block.Norm2, $"{name}.norm2"),
        Linear(block.Ffn1, $"{name}.ffn1"),
        Linear(block.Ffn2, $"{name}.ffn2"));

    private static LstmWeights Lstm(LSTM lstm, string module = "integrator")
    {
        var parameters = lstm.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        float[] Get(string name) => parameters.TryGetValue(name, out var p)
            ? Values(p, $"{module}.{name}")
            : throw new ArgumentException(
                $"The LSTM '{module}' has no parameter '{name}' (it has {string.Join(", ", parameters.Keys)}); the exporter needs one layer with biases.");

        if (parameters.Keys.Any(k => k.EndsWith("_l1", StringComparison.Ordinal) || k.EndsWith("_reverse", StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The LSTM '{module}' must have one unidirectional layer; the ONNX graphs mirror only that.");
        }

        return new LstmWeights(Get("weight_ih_l0"), Get("weight_hh_l0"), Get("bias_ih_l0"), Get("bias_hh_l0"));
    }

    private static LinearWeights Linear(Linear linear, string name) => new(
        Values(linear.weight, $"{name}.weight"),
        Values(linear.bias ?? throw new ArgumentException($"Linear layer '{name}' has no bias; the Scraps graphs expect one."), $"{name}.bias"));

    private static LayerNormWeights Norm(LayerNorm norm, string name) => new(
        Values(norm.weight ?? throw new ArgumentException($"LayerNorm '{name}' has no affine weight."), $"{name}.weight"),
        Values(norm.bias ?? throw new ArgumentException($"LayerNorm '{name}' has no bias."), $"{name}.bias"));

    private static Conv1dWeights Conv(Conv1d conv, string name) => new(
        Values(conv.weight, $"{name}.weight"),
        Values(conv.bias ?? throw new ArgumentException($"Convolution '{name}' has no bias; the Scraps graphs expect one."), $"{name}.bias"));

    private static float Scalar(Tensor tensor, string name)
    {
        if (tensor.numel() != 1)
        {
            throw new ArgumentException($"'{name}' should be a scalar but has shape [{string.Join(", ", tensor.shape)}].");
        }

        return Values(tensor, name)[0];
    }

    private static float[] Values(Tensor? tensor, string name)
    {
        if (tensor is null)
        {
            throw new ArgumentException($"Model tensor '{name}' is missing.");
        }

        return tensor.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }
}
