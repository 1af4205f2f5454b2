using Microsoft.ML.OnnxRuntime;
using Scraps.Model.Export;
using Scraps.Model.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Scraps.Model.Tests.Export;

/// <summary>
/// Parity: ONNX Runtime on the exported graphs equals TorchSharp (eval, no grad) within 1e-4 relative to each
/// vector's norm, for the SCRAPS vectors and every step of the sequences, padded steps included.
/// </summary>
public sealed class ScrapsOnnxExporterTests(ParityModels models, ITestOutputHelper output) : IClassFixture<ParityModels>
{
    private const double Tolerance = 1e-4;

    public static TheoryData<int[]> PhoneticBatches => new()
    {
        { [6, 2, 1, 4] },   // mixed lengths
        { [5] },            // batch size 1
        { [1, 1, 1] },      // length 1
        { [1] },            // both
        { [30, 17, 3, 29, 1, 12, 8, 30] },
    };

    public static TheoryData<int, int[]> AcousticBatches
    {
        get
        {
            var data = new TheoryData<int, int[]>();
            foreach (var s in new[] { 1, 2, 4 })
            {
                data.Add(s, [23, 9, 1, 16]);    // mixed lengths (odd and even)
                data.Add(s, [17]);              // batch size 1
                data.Add(s, [1, 1]);            // length 1
                data.Add(s, [1]);               // both
                data.Add(s, [2, 3, 4, 5]);      // lengths around the subsampling edges
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PhoneticBatches))]
    public void Phonetic_graph_matches_torchsharp(int[] lengths)
    {
        var model = models.For(2);
        var config = model.Config;
        var ids = ParityInputs.Phonemes(lengths, config.VocabSize, seed: lengths.Sum());
        long[] shape = [lengths.Length, lengths.Max()];
        var lengths64 = lengths.Select(l => (long)l).ToArray();

        float[] torchEmbeddings, torchSequence;
        using (no_grad())
        using (NewDisposeScope())
        {
            var idsTensor = tensor(ids, shape);
            var lengthTensor = tensor(lengths64, [lengths.Length]);
            torchEmbeddings = model.Net.EmbedPhonemes(idsTensor, lengthTensor).data<float>().ToArray();
            torchSequence = model.Net.Phonetic.forward(idsTensor, lengthTensor).data<float>().ToArray();
        }

        var onnx = Run(model.Phonetic, ("phonemes", OrtValue.CreateTensorValueFromMemory(ids, shape)), ("lengths", OrtValue.CreateTensorValueFromMemory(lengths64, [lengths.Length])));

        Assert.Equal([lengths.Length, config.LstmHidden], onnx["embeddings"].Shape);
        Assert.Equal([lengths.Length, lengths.Max(), config.ModelDim], onnx["sequence"].Shape);
        var embeddingError = VectorParity.MaxRelativeError(onnx["embeddings"].Floats, torchEmbeddings, config.LstmHidden);
        var sequenceError = VectorParity.MaxRelativeError(onnx["sequence"].Floats, torchSequence, config.ModelDim);
        output.WriteLine($"phonetic lengths [{string.Join(",", lengths)}]: max relative error embeddings {embeddingError:E2}, sequence {sequenceError:E2}");
        Assert.True(embeddingError <= Tolerance, $"embeddings: {embeddingError:E3}");
        Assert.True(sequenceError <= Tolerance, $"sequence: {sequenceError:E3}");
    }

    [Theory]
    [MemberData(nameof(AcousticBatches))]
    public void Acoustic_graph_matches_torchsharp(int subsampling, int[] lengths)
    {
        var model = models.For(subsampling);
        var config = model.Config;
        var features = ParityInputs.Features(lengths, config.MelBins, seed: lengths.Sum(), padValue: 3.5f);
        long[] shape = [lengths.Length, lengths.Max(), config.MelBins];
        var lengths64 = lengths.Select(l => (long)l).ToArray();

        float[] torchEmbeddings, torchSequence;
        long[] torchLengths;
        using (no_grad())
        using (NewDisposeScope())
        {
            var featureTensor = tensor(features, shape);
            var lengthTensor = tensor(lengths64, [lengths.Length]);
            torchEmbeddings = model.Net.EmbedAcoustic(featureTensor, lengthTensor).data<float>().ToArray();
            var (sequence, stepLengths) = model.Net.Acoustic.forward(featureTensor, lengthTensor);
            torchSequence = sequence.data<float>().ToArray();
            torchLengths = stepLengths.data<long>().ToArray();
        }

        var onnx = Run(model.Acoustic, ("features", OrtValue.CreateTensorValueFromMemory(features, shape)), ("lengths", OrtValue.CreateTensorValueFromMemory(lengths64, [lengths.Length])));

        Assert.Equal(torchLengths, onnx["sequence_lengths"].Int64s);
        Assert.Equal(lengths.Select(l => config.SubsampledLength(l)), onnx["sequence_lengths"].Int64s);
        Assert.Equal([lengths.Length, config.SubsampledLength(lengths.Max()), config.ModelDim], onnx["sequence"].Shape);
        var embeddingError = VectorParity.MaxRelativeError(onnx["embeddings"].Floats, torchEmbeddings, config.LstmHidden);
        var sequenceError = VectorParity.MaxRelativeError(onnx["sequence"].Floats, torchSequence, config.ModelDim);
        output.WriteLine($"acoustic s={subsampling} lengths [{string.Join(",", lengths)}]: max relative error embeddings {embeddingError:E2}, sequence {sequenceError:E2}");
        Assert.True(embeddingError <= Tolerance, $"embeddings: {embeddingError:E3}");
        Assert.True(sequenceError <= Tolerance, $"sequence: {sequenceError:E3}");
    }

    [Theory]
    [InlineData(4, new[] { 23, 9, 1, 16 })]
    [InlineData(2, new[] { 40 })]
    [InlineData(1, new[] { 3, 1, 7 })]
    public void Ctc_head_log_probabilities_match_torchsharp(int subsampling, int[] lengths)
    {
        var model = models.For(subsampling, ctcHead: true);
        var config = model.Config;
        var features = ParityInputs.Features(lengths, config.MelBins, seed: lengths.Sum() + 1, padValue: -2f);
        long[] shape = [lengths.Length, lengths.Max(), config.MelBins];
        var lengths64 = lengths.Select(l => (long)l).ToArray();

        float[] torchLogProbs, torchEmbeddings;
        using (no_grad())
        using (NewDisposeScope())
        {
            var outputs = model.Net.EncodeAcoustic(tensor(features, shape), tensor(lengths64, [lengths.Length]));
            torchLogProbs = outputs.PhoneLogProbs!.data<float>().ToArray();
            torchEmbeddings = outputs.Embeddings.data<float>().ToArray();
        }

        var onnx = Run(model.Acoustic, ("features", OrtValue.CreateTensorValueFromMemory(features, shape)), ("lengths", OrtValue.CreateTensorValueFromMemory(lengths64, [lengths.Length])));

        Assert.Equal(["embeddings", "sequence", "sequence_lengths", "phone_log_probs"], model.Acoustic.OutputNames);
        Assert.Equal([lengths.Length, config.SubsampledLength(lengths.Max()), config.VocabSize], onnx["phone_log_probs"].Shape);
        var error = VectorParity.MaxRelativeError(onnx["phone_log_probs"].Floats, torchLogProbs, config.VocabSize);
        var embeddingError = VectorParity.MaxRelativeError(onnx["embeddings"].Floats, torchEmbeddings, config.LstmHidden);
        output.WriteLine($"CTC head s={subsampling} lengths [{string.Join(",", lengths)}]: max relative error log-probs {error:E2}, embeddings {embeddingError:E2}");
        Assert.True(error <= Tolerance, $"log-probs: {error:E3}");
        Assert.True(embeddingError <= Tolerance, $"embeddings: {embeddingError:E3}");
        // Each step is a distribution over the inventory.
        var steps = onnx["phone_log_probs"].Floats.Chunk(config.VocabSize).ToArray();
        Assert.All(steps, step => Assert.Equal(1.0, step.Sum(v => Math.Exp(v)), 4));
    }

    [Theory]
    [InlineData(PhoneBranchConfig.Conv, new[] { 23, 9, 1, 16 })]
    [InlineData(PhoneBranchConfig.BiLstm, new[] { 23, 9, 1, 16 })]
    [InlineData(PhoneBranchConfig.BiLstm, new[] { 41 })]
    public void A_phone_branch_gives_the_same_25_ms_log_probabilities_in_onnx(string kind, int[] lengths)
    {
        var model = models.WithBranch(kind);
        var config = model.Config;
        var features = ParityInputs.Features(lengths, config.MelBins, seed: lengths.Sum() + 3, padValue: -2f);
        long[] shape = [lengths.Length, lengths.Max(), config.MelBins];
        var lengths64 = lengths.Select(l => (long)l).ToArray();

        float[] torchLogProbs;
        using (no_grad())
        using (NewDisposeScope())
        {
            torchLogProbs = model.Net.EncodeAcoustic(tensor(features, shape), tensor(lengths64, [lengths.Length])).PhoneLogProbs!.data<float>().ToArray();
        }

        var onnx = Run(model.Acoustic, ("features", OrtValue.CreateTensorValueFromMemory(features, shape)), ("lengths", OrtValue.CreateTensorValueFromMemory(lengths64, [lengths.Length])));

        var padded = (int)config.PhoneSteps(lengths.Max());
        Assert.Equal([lengths.Length, padded, config.VocabSize], onnx["phone_log_probs"].Shape);
        // Only each clip's own steps are compared: past them the branch reads padding (the LSTM's zeros in ONNX).
        var onnxValid = new List<float>();
        var torchValid = new List<float>();
        for (var b = 0; b < lengths.Length; b++)
        {
            var count = (int)config.PhoneSteps(lengths[b]) * config.VocabSize;
            onnxValid.AddRange(onnx["phone_log_probs"].Floats.Skip(b * padded * config.VocabSize).Take(count));
            torchValid.AddRange(torchLogProbs.Skip(b * padded * config.VocabSize).Take(count));
        }

        var error = VectorParity.MaxRelativeError(onnxValid.ToArray(), torchValid.ToArray(), config.VocabSize);
        output.WriteLine($"{kind} branch lengths [{string.Join(",", lengths)}]: max relative error log-probs {error:E2}");
        Assert.True(error <= Tolerance, $"log-probs: {error:E3}");

        var read = Scraps.Onnx.Graphs.ScrapsGraphReader.Read(model.Folder, config);
        var written = TorchWeightReader.Read(model.Net);
        Assert.Equal(written.PhoneBranch!.FinalNorm.Scale, read.PhoneBranch!.FinalNorm.Scale);
        Assert.Equal(written.PhoneBranch.LstmLayers.Select(l => l.Backward.WeightHh), read.PhoneBranch.LstmLayers.Select(l => l.Backward.WeightHh));
        Assert.Equal(written.PhoneBranch.ConvBlocks.Select(b => b.Conv.Weight), read.PhoneBranch.ConvBlocks.Select(b => b.Conv.Weight));
        Assert.Equal(written.CtcHead!.Weight, read.CtcHead!.Weight);
    }

    [Fact]
    public void The_matching_graph_gives_the_trainers_per_phone_logits_and_reads_back()
    {
        var model = models.WithMatchingHead();
        var config = model.Config;
        int[] frameLengths = [21, 9];
        int[] phoneLengths = [6, 4];
        var features = ParityInputs.Features(frameLengths, config.MelBins, seed: 5, padValue: -2f);
        long[] shape = [2, frameLengths.Max(), config.MelBins];
        var ids = ParityInputs.Phonemes(phoneLengths, config.VocabSize, seed: 6);

        float[] torchLogits, states, frames;
        long[] frameSteps;
        using (no_grad())
        using (NewDisposeScope())
        {
            var (_, sequence) = model.Net.EncodePhonemes(tensor(ids, [2, phoneLengths.Max()]), tensor(phoneLengths.Select(l => (long)l).ToArray(), [2]));
            var acoustic = model.Net.EncodeAcoustic(tensor(features, shape), tensor(frameLengths.Select(l => (long)l).ToArray(), [2]));
            torchLogits = model.Net.MatchLogits(sequence, tensor(phoneLengths.Select(l => (long)l).ToArray(), [2]), acoustic.PhoneFeatures!, acoustic.PhoneStepLengths).data<float>().ToArray();
            states = sequence.data<float>().ToArray();
            frames = acoustic.PhoneFeatures!.data<float>().ToArray();
            frameSteps = acoustic.PhoneStepLengths.data<long>().ToArray();
        }

        using var matching = new InferenceSession(Path.Combine(model.Folder, GraphPorts.Matching.FileName));
        var onnx = Run(
            matching,
            ("phone_states", OrtValue.CreateTensorValueFromMemory(states, [2, phoneLengths.Max(), config.ModelDim])),
            ("phone_lengths", OrtValue.CreateTensorValueFromMemory(phoneLengths.Select(l => (long)l).ToArray(), [2])),
            ("frames", OrtValue.CreateTensorValueFromMemory(frames, [2, frames.Length / 2 / 24, 24])),
            ("frame_lengths", OrtValue.CreateTensorValueFromMemory(frameSteps, [2])));
        var acousticOnnx = Run(model.Acoustic, ("features", OrtValue.CreateTensorValueFromMemory(features, shape)), ("lengths", OrtValue.CreateTensorValueFromMemory(frameLengths.Select(l => (long)l).ToArray(), [2])));

        Assert.Contains("phone_features", model.Acoustic.OutputNames);
        // Valid tokens only: padded queries attend like the others but are never read.
        var valid = Enumerable.Range(0, 2).SelectMany(b => Enumerable.Range(b * phoneLengths.Max(), phoneLengths[b])).ToArray();
        var error = VectorParity.MaxRelativeError(valid.Select(i => onnx["phone_logits"].Floats[i]).ToArray(), valid.Select(i => torchLogits[i]).ToArray(), 1);
        output.WriteLine($"matching head: max relative error of the phone logits {error:E2}");
        Assert.True(error <= Tolerance, $"phone logits: {error:E3}");
        Assert.Equal(frames.Take((int)frameSteps[0] * 24).ToArray(), acousticOnnx["phone_features"].Floats.Take((int)frameSteps[0] * 24).ToArray(), new FloatTolerance(1e-4f));

        var read = Scraps.Onnx.Graphs.ScrapsGraphReader.Read(model.Folder, config);
        Assert.Equal(TorchWeightReader.Read(model.Net).MatchingHead!.Layers[1].CrossAttention.Key.Weight, read.MatchingHead!.Layers[1].CrossAttention.Key.Weight);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(y));

        public int GetHashCode(float obj) => 0;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Weights_read_back_from_the_graphs_equal_the_exported_ones(bool ctcHead)
    {
        var model = models.For(4, ctcHead);
        var written = TorchWeightReader.Read(model.Net);

        var read = Scraps.Onnx.Graphs.ScrapsGraphReader.Read(model.Folder, model.Config);

        Assert.Equal(written.Phonetic.Embedding, read.Phonetic.Embedding);
        Assert.Equal(written.Phonetic.Alpha, read.Phonetic.Alpha);
        Assert.Equal(written.Acoustic.Blocks[1].Attention.Key.Weight, read.Acoustic.Blocks[1].Attention.Key.Weight);
        Assert.Equal(written.Acoustic.Subsampling[1].Weight, read.Acoustic.Subsampling[1].Weight);
        Assert.Equal(written.Integrator.WeightIh, read.Integrator.WeightIh);
        Assert.Equal(written.Integrator.BiasHh, read.Integrator.BiasHh);
        Assert.Equal(written.CtcHead?.Weight, read.CtcHead?.Weight);
        Assert.Equal(ctcHead, Scraps.Onnx.Graphs.ScrapsGraphReader.HasCtcHead(model.Folder));

        // Loaded into a fresh network, they give the same vectors.
        using var copy = new ScrapsNet(model.Config);
        using (NewDisposeScope())
        {
            copy.CopyFrom(TorchWeightWriter.ToStateDict(read));
        }
        copy.eval();
        using (no_grad())
        using (NewDisposeScope())
        {
            var ids = tensor(ParityInputs.Phonemes([5, 3], model.Config.VocabSize, seed: 2), [2, 5]);
            var lengths = tensor(new long[] { 5, 3 }, [2]);
            Assert.True(copy.EmbedPhonemes(ids, lengths).allclose(model.Net.EmbedPhonemes(ids, lengths), rtol: 0, atol: 1e-6));
        }
    }

    [Fact]
    public void Export_writes_both_graphs_at_opset_17_with_the_documented_ports()
    {
        var model = models.For(4);

        Assert.Equal(17, model.Export.Opset);
        Assert.Equal(Path.Combine(model.Folder, "phonetic.onnx"), model.Export.PhoneticPath);
        Assert.Equal(Path.Combine(model.Folder, "acoustic.onnx"), model.Export.AcousticPath);
        Assert.Equal(["phonemes", "lengths"], model.Phonetic.InputNames);
        Assert.Equal(["embeddings", "sequence"], model.Phonetic.OutputNames);
        Assert.Equal(["features", "lengths"], model.Acoustic.InputNames);
        Assert.Equal(["embeddings", "sequence", "sequence_lengths"], model.Acoustic.OutputNames);
        Assert.Equal(["batch", "frames", ""], model.Acoustic.InputMetadata["features"].SymbolicDimensions);
        Assert.Equal([-1, -1, 80], model.Acoustic.InputMetadata["features"].Dimensions);
        Assert.Equal([-1, 24], model.Acoustic.OutputMetadata["embeddings"].Dimensions);
    }

    [Fact]
    public void Export_into_a_blank_folder_name_is_rejected()
    {
        var model = models.For(2);

        Assert.Throws<ArgumentException>(() => Scraps.Model.Export.ScrapsOnnxExporter.Export(model.Net, " "));
    }

    private static Dictionary<string, OrtOutput> Run(InferenceSession session, params (string Name, OrtValue Value)[] inputs)
    {
        try
        {
            using var options = new RunOptions();
            var names = session.OutputNames.ToArray();
            using var results = session.Run(options, inputs.ToDictionary(i => i.Name, i => i.Value), names);
            return names.Zip(results).ToDictionary(p => p.First, p => OrtOutput.From(p.Second));
        }
        finally
        {
            foreach (var (_, value) in inputs)
            {
                value.Dispose();
            }
        }
    }
}

internal sealed record OrtOutput(long[] Shape, float[] Floats, long[] Int64s)
{
    public static OrtOutput From(OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        return info.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Int64
            ? new OrtOutput(info.Shape, [], value.GetTensorDataAsSpan<long>().ToArray())
            : new OrtOutput(info.Shape, value.GetTensorDataAsSpan<float>().ToArray(), []);
    }
}
