namespace Scraps.Onnx.Graphs;

/// <summary>
/// Random but well-scaled weights for a Scraps network (uniform ±1/sqrt(fan-in), LayerNorm scales near 1,
/// sinusoidal positional tables): for tests that need a working model package without training one.
/// </summary>
public static class RandomScrapsWeights
{
    /// <summary>A small network that runs in milliseconds: d 16, 1 block, 2 heads, ffn 32, D 12, 80 mel bins.</summary>
    public static ScrapsModelConfig TinyDims(int acousticSubsampling = 2, int vocabSize = 48, int melBins = 80, int maxPositions = 512) => new()
    {
        ModelDim = 16,
        Layers = 1,
        Heads = 2,
        FfnDim = 32,
        LstmHidden = 12,
        AcousticSubsampling = acousticSubsampling,
        MelBins = melBins,
        MaxPositions = maxPositions,
        VocabSize = vocabSize,
    };

    public static ScrapsNetWeights Create(ScrapsModelConfig dims, int seed)
    {
        ArgumentNullException.ThrowIfNull(dims);
        dims.Validate();
        var random = new Random(seed);
        var d = dims.ModelDim;
        var phonetic = new PhoneticEncoderWeights(
            Uniform(random, dims.VocabSize * d, 1f),
            1f,
            SinusoidalTable(dims.MaxPositions, d),
            Blocks(random, dims),
            Norm(random, d));
        var acoustic = new AcousticEncoderWeights(
            Linear(random, dims.MelBins, d),
            Enumerable.Range(0, dims.SubsamplingConvolutions)
                .Select(_ => new Conv1dWeights(
                    Uniform(random, d * d * AcousticEncoderWeights.ConvKernel, Bound(d * AcousticEncoderWeights.ConvKernel)),
                    Uniform(random, d, Bound(d * AcousticEncoderWeights.ConvKernel))))
                .ToArray(),
            1f,
            SinusoidalTable(dims.MaxPositions, d),
            Blocks(random, dims),
            Norm(random, d));
        var hidden = dims.LstmHidden;
        var lstmBound = Bound(hidden);
        var integrator = new LstmWeights(
            Uniform(random, 4 * hidden * d, lstmBound),
            Uniform(random, 4 * hidden * hidden, lstmBound),
            Uniform(random, 4 * hidden, lstmBound),
            Uniform(random, 4 * hidden, lstmBound));
        // The head (and the phone branch before it) is drawn last, so a package with it shares every other weight with the
        // same seed's package without it.
        var branch = dims.PhoneBranch is { } config ? Branch(random, d, config) : null;
        var head = dims.CtcHead ? Linear(random, dims.PhoneBranch?.Dim ?? d, dims.VocabSize) : null;
        return new ScrapsNetWeights(dims, phonetic, acoustic, integrator)
        {
            PhoneBranch = branch,
            CtcHead = head,
            MatchingHead = dims.MatchingHead is { } matching ? Matching(random, dims, matching.Dim) : null,
        };
    }

    private static MatchingHeadWeights Matching(Random random, ScrapsModelConfig dims, int m)
    {
        AttentionWeights Attention() => new(Linear(random, m, m), Linear(random, m, m), Linear(random, m, m), Linear(random, m, m));
        return new MatchingHeadWeights(
            Linear(random, dims.ModelDim, m),
            Linear(random, dims.MatchingAcousticDim, m),
            1f,
            SinusoidalTable(MatchingHeadWeights.PositionRows(dims), m),
            Enumerable.Range(0, dims.MatchingHead!.Layers)
                .Select(_ => new MatchingLayerWeights(
                    Norm(random, m), Attention(), Norm(random, m), Norm(random, m), Attention(), Norm(random, m), Linear(random, m, 2 * m), Linear(random, 2 * m, m)))
                .ToArray(),
            Norm(random, m),
            Linear(random, m, 1));
    }

    private static PhoneBranchWeights Branch(Random random, int d, PhoneBranchConfig config)
    {
        if (config.Kind == PhoneBranchConfig.Conv)
        {
            var fanIn = config.Dim * config.Kernel;
            return new PhoneBranchWeights(
                config.Dim == d ? null : Linear(random, d, config.Dim),
                Enumerable.Range(0, config.Layers)
                    .Select(_ => new PhoneConvBlockWeights(
                        Norm(random, config.Dim),
                        new Conv1dWeights(Uniform(random, config.Dim * fanIn, Bound(fanIn)), Uniform(random, config.Dim, Bound(fanIn)))))
                    .ToArray(),
                [],
                Norm(random, config.Dim));
        }

        var half = config.Dim / 2;
        LstmWeights Lstm(int inputs) => new(
            Uniform(random, 4 * half * inputs, Bound(half)), Uniform(random, 4 * half * half, Bound(half)),
            Uniform(random, 4 * half, Bound(half)), Uniform(random, 4 * half, Bound(half)));
        return new PhoneBranchWeights(
            null,
            [],
            Enumerable.Range(0, config.Layers).Select(i => new BiLstmLayerWeights(Lstm(i == 0 ? d : config.Dim), Lstm(i == 0 ? d : config.Dim))).ToArray(),
            Norm(random, config.Dim));
    }

    /// <summary>PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] = cos(p / 10000^(2i/d)), row-major [positions, d].</summary>
    internal static float[] SinusoidalTable(int positions, int d)
    {
        var table = new float[positions * d];
        for (var p = 0; p < positions; p++)
        {
            for (var i = 0; i < d; i += 2)
            {
                var angle = p / Math.Pow(10000, (double)i / d);
                table[(p * d) + i] = (float)Math.Sin(angle);
                if (i + 1 < d)
                {
                    table[(p * d) + i + 1] = (float)Math.Cos(angle);
                }
            }
        }

        return table;
    }

    private static TransformerBlockWeights[] Blocks(Random random, ScrapsModelConfig dims) =>
        Enumerable.Range(0, dims.Layers)
            .Select(_ => new TransformerBlockWeights(
                Norm(random, dims.ModelDim),
                new AttentionWeights(
                    Linear(random, dims.ModelDim, dims.ModelDim),
                    Linear(random, dims.ModelDim, dims.ModelDim),
                    Linear(random, dims.ModelDim, dims.ModelDim),
                    Linear(random, dims.ModelDim, dims.ModelDim)),
                Norm(random, dims.ModelDim),
                Linear(random, dims.ModelDim, dims.FfnDim),
                Linear(random, dims.FfnDim, dims.ModelDim)))
            .ToArray();

    private static LinearWeights Linear(Random random, int inputs, int outputs) =>
        new(Uniform(random, inputs * outputs, Bound(inputs)), Uniform(random, outputs, Bound(inputs)));

    private static LayerNormWeights Norm(Random random, int width) =>
        new(Uniform(random, width, 0.1f).Select(v => 1f + v).ToArray(), Uniform(random, width, 0.1f));

    private static float Bound(int fanIn) => 1f / MathF.Sqrt(fanIn);

    private static float[] Uniform(Random random, int count, float bound)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1) * bound;
        }

        return values;
    }
}
