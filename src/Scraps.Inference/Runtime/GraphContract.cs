using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Scraps.Inference.Package;

namespace Scraps.Inference.Runtime;

/// <summary>
/// The inputs and outputs a package graph must have (docs/architecture.md, "ONNX graphs"): names, element types
/// and ranks, and the fixed sizes the manifest implies. Checked once when the session is created.
/// </summary>
internal sealed record GraphContract(string GraphFile, IReadOnlyList<GraphPort> Inputs, IReadOnlyList<GraphPort> Outputs)
{
    public static GraphContract Phonetic(ScrapsModelConfig arch) => new(
        GraphPorts.Phonetic.FileName,
        [new(GraphPorts.Phonetic.Phonemes, TensorElementType.Int64, [-1, -1]), new(GraphPorts.Phonetic.Lengths, TensorElementType.Int64, [-1])],
        [
            new(GraphPorts.Phonetic.Embeddings, TensorElementType.Float, [-1, arch.LstmHidden]),
            new(GraphPorts.Phonetic.Sequence, TensorElementType.Float, [-1, -1, arch.ModelDim]),
        ]);

    public static GraphContract Acoustic(ScrapsModelConfig arch) => new(
        GraphPorts.Acoustic.FileName,
        [new(GraphPorts.Acoustic.Features, TensorElementType.Float, [-1, -1, arch.MelBins]), new(GraphPorts.Acoustic.Lengths, TensorElementType.Int64, [-1])],
        [
            new(GraphPorts.Acoustic.Embeddings, TensorElementType.Float, [-1, arch.LstmHidden]),
            new(GraphPorts.Acoustic.Sequence, TensorElementType.Float, [-1, -1, arch.ModelDim]),
            new(GraphPorts.Acoustic.SequenceLengths, TensorElementType.Int64, [-1]),
            .. arch.CtcHead ? new[] { new GraphPort(GraphPorts.Acoustic.PhoneLogProbs, TensorElementType.Float, [-1, -1, arch.VocabSize]) } : [],
            .. arch.MatchingHead is not null
                ? new[] { new GraphPort(GraphPorts.Acoustic.PhoneFeatures, TensorElementType.Float, [-1, -1, arch.MatchingAcousticDim]) }
                : [],
        ]);

    public static GraphContract Matching(ScrapsModelConfig arch) => new(
        GraphPorts.Matching.FileName,
        [
            new(GraphPorts.Matching.PhoneStates, TensorElementType.Float, [-1, -1, arch.ModelDim]), new(GraphPorts.Matching.PhoneLengths, TensorElementType.Int64, [-1]),
            new(GraphPorts.Matching.Frames, TensorElementType.Float, [-1, -1, arch.MatchingAcousticDim]), new(GraphPorts.Matching.FrameLengths, TensorElementType.Int64, [-1]),
        ],
        [new(GraphPorts.Matching.PhoneLogits, TensorElementType.Float, [-1, -1])]);

    /// <exception cref="ModelPackageException">The session's graph does not have this contract's ports.</exception>
    public void Check(InferenceSession session, string graphPath)
    {
        CheckPorts("input", Inputs, session.InputMetadata, graphPath);
        CheckPorts("output", Outputs, session.OutputMetadata, graphPath);
    }

    private static void CheckPorts(string role, IReadOnlyList<GraphPort> expected, IReadOnlyDictionary<string, NodeMetadata> actual, string graphPath)
    {
        foreach (var port in expected)
        {
            if (!actual.TryGetValue(port.Name, out var meta))
            {
                throw new ModelPackageException(
                    graphPath,
                    $"graph has no {role} '{port.Name}' (its {role}s: {string.Join(", ", actual.Keys)})");
            }

            if (!meta.IsTensor || meta.ElementDataType != port.ElementType)
            {
                throw new ModelPackageException(
                    graphPath,
                    $"{role} '{port.Name}' is {(meta.IsTensor ? meta.ElementDataType.ToString() : meta.OnnxValueType.ToString())}, expected a {port.ElementType} tensor");
            }

            var dims = meta.Dimensions;
            if (dims.Length != port.Shape.Length)
            {
                throw new ModelPackageException(graphPath, $"{role} '{port.Name}' has rank {dims.Length}, expected {port.Shape.Length} ({port.ShapeText})");
            }

            for (var i = 0; i < dims.Length; i++)
            {
                // -1 in the contract: any (dynamic) size; a fixed size in the graph must equal the contract's.
                if (port.Shape[i] >= 0 && dims[i] >= 0 && dims[i] != port.Shape[i])
                {
                    throw new ModelPackageException(
                        graphPath,
                        $"{role} '{port.Name}' dimension {i} is {dims[i]}, expected {port.Shape[i]} ({port.ShapeText}, from model.json architecture)");
                }

                if (port.Shape[i] < 0 && dims[i] >= 0 && i < 2)
                {
                    throw new ModelPackageException(
                        graphPath,
                        $"{role} '{port.Name}' dimension {i} is fixed at {dims[i]}; batch and length axes must be dynamic");
                }
            }
        }
    }
}

/// <summary>One named tensor port; -1 in <see cref="Shape"/> marks a dynamic axis.</summary>
internal sealed record GraphPort(string Name, TensorElementType ElementType, int[] Shape)
{
    public string ShapeText => $"[{string.Join(", ", Shape.Select(d => d < 0 ? "?" : d.ToString(System.Globalization.CultureInfo.InvariantCulture)))}]";
}
