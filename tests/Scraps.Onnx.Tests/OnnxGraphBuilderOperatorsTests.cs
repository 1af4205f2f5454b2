namespace Scraps.Onnx.Tests;

public sealed class OnnxGraphBuilderOperatorsTests
{
    [Fact]
    public void Linear_layer_with_relu_matches_plain_arithmetic()
    {
        const int Rows = 6, In = 5, Out = 4;
        var x = Reference.Random(Rows * In, 1);
        var w = Reference.Random(In * Out, 2);
        var b = Reference.Random(Out, 3);
        var graph = new OnnxGraphBuilder("linear");
        var input = graph.Input("x", OnnxElementType.Float, 2, "rows", In);
        var y = graph.Relu(graph.Add(graph.MatMul(input, graph.Initializer("w", w, In, Out)), graph.Initializer("b", b, Out)));
        graph.Output("y", y, OnnxElementType.Float, 2, "rows", Out);

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats(x, 2, Rows / 2, In)))["y"];

        var expected = Reference.MatMul(x, w, Rows, In, Out).Select((v, i) => Math.Max(0f, v + b[i % Out])).ToArray();
        Assert.Equal([2, 3, Out], result.Shape);
        TestAssert.Close(expected, result.Floats);
    }

    [Fact]
    public void Sub_mul_div_work_element_wise_with_broadcasting()
    {
        var graph = new OnnxGraphBuilder("arith");
        var x = graph.Input("x", OnnxElementType.Float, 3);
        var y = graph.Div(graph.Mul(graph.Sub(x, graph.ScalarFloat(1f)), graph.ScalarFloat(6f)), graph.ScalarFloat(4f));
        graph.Output("y", y, OnnxElementType.Float, 3);

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats([1f, 3f, -1f], 3)))["y"];

        Assert.Equal([0f, 3f, -3f], result.Floats);
    }

    [Fact]
    public void Layer_normalization_matches_plain_arithmetic()
    {
        const int Width = 8;
        var x = Reference.Random(3 * Width, 4, 3f);
        var scale = Reference.Random(Width, 5);
        var bias = Reference.Random(Width, 6);
        var graph = new OnnxGraphBuilder("ln");
        var input = graph.Input("x", OnnxElementType.Float, "rows", Width);
        graph.Output("y", graph.LayerNormalization(input, graph.Initializer("s", scale, Width), graph.Initializer("b", bias, Width), 1e-5f), OnnxElementType.Float, "rows", Width);

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats(x, 3, Width)))["y"];

        TestAssert.Close(Reference.LayerNorm(x, scale, bias, Width, 1e-5f), result.Floats, 1e-4f);
    }

    [Fact]
    public void Softmax_normalises_the_last_axis()
    {
        var x = Reference.Random(12, 7, 4f);
        var graph = new OnnxGraphBuilder("softmax");
        var input = graph.Input("x", OnnxElementType.Float, 3, 4);
        graph.Output("y", graph.Softmax(input), OnnxElementType.Float, 3, 4);

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats(x, 3, 4)))["y"];

        TestAssert.Close(Reference.Softmax(x, 4), result.Floats);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1)]
    public void Strided_conv1d_matches_plain_arithmetic(int length)
    {
        const int Channels = 3, Filters = 2, Kernel = 3;
        var x = Reference.Random(2 * Channels * length, 8);
        var w = Reference.Random(Filters * Channels * Kernel, 9);
        var b = Reference.Random(Filters, 10);
        var graph = new OnnxGraphBuilder("conv");
        var input = graph.Input("x", OnnxElementType.Float, "batch", Channels, "length");
        var y = graph.Conv(input, graph.Initializer("w", w, Filters, Channels, Kernel), graph.Initializer("b", b, Filters), [Kernel], [2], [1, 1]);
        graph.Output("y", y, OnnxElementType.Float, "batch", Filters, "steps");

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats(x, 2, Channels, length)))["y"];

        var expected = Reference.Conv1d(x, w, b, 2, Channels, length, Filters, Kernel, 2, 1, out var steps);
        Assert.Equal([2, Filters, steps], result.Shape);
        Assert.Equal(((length - 1) / 2) + 1, steps);
        TestAssert.Close(expected, result.Floats);
    }

    [Fact]
    public void Embedding_lookup_slice_and_reshapes_move_values_as_expected()
    {
        // table row r is [10r, 10r + 1]; ids [2, 0, 1] select rows.
        float[] table = [0, 1, 10, 11, 20, 21];
        var graph = new OnnxGraphBuilder("shapes");
        var ids = graph.Input("ids", OnnxElementType.Int64, 1, "length");
        var rows = graph.Gather(graph.Initializer("table", table, 3, 2), ids);              // [1, L, 2]
        var transposed = graph.Transpose(rows, 0, 2, 1);                                        // [1, 2, L]
        var flat = graph.Reshape(transposed, 0, -1);                                            // [1, 2L]
        var firstTwo = graph.Slice(flat, [0], [2], [1]);                                        // [1, 2]
        var squeezed = graph.Squeeze(graph.Unsqueeze(firstTwo, 0), 0, 1);                       // [2]
        graph.Output("flat", flat, OnnxElementType.Float, 1, "twice");
        graph.Output("head", squeezed, OnnxElementType.Float, 2);

        var result = OrtRunner.Run(graph, ("ids", OrtRunner.Int64s([2, 0, 1], 1, 3)));

        Assert.Equal([20f, 0f, 10f, 21f, 1f, 11f], result["flat"].Floats);
        Assert.Equal([1, 6], result["flat"].Shape);
        Assert.Equal([20f, 0f], result["head"].Floats);
        Assert.Equal([2], result["head"].Shape);
    }

    [Fact]
    public void Key_padding_mask_built_from_lengths_marks_steps_past_each_length()
    {
        var graph = new OnnxGraphBuilder("mask");
        var x = graph.Input("x", OnnxElementType.Float, "batch", "length");
        var lengths = graph.Input("lengths", OnnxElementType.Int64, "batch");
        var steps = graph.Squeeze(graph.Shape(x, 1, 2), 0);
        var positions = graph.Range(graph.ScalarInt64(0), steps, graph.ScalarInt64(1));
        var valid = graph.Less(graph.Unsqueeze(positions, 0), graph.Unsqueeze(lengths, 1));
        var additive = graph.Where(valid, graph.ScalarFloat(0f), graph.ScalarFloat(-1e9f));
        var validAsFloat = graph.Cast(valid, OnnxElementType.Float);
        graph.Output("additive", additive, OnnxElementType.Float, "batch", "length");
        graph.Output("valid", validAsFloat, OnnxElementType.Float, "batch", "length");
        graph.Output("shape", graph.Shape(x), OnnxElementType.Int64, 2);

        var result = OrtRunner.Run(graph, ("x", OrtRunner.Floats(new float[6], 2, 3)), ("lengths", OrtRunner.Int64s([3, 1], 2)));

        Assert.Equal([1f, 1f, 1f, 1f, 0f, 0f], result["valid"].Floats);
        Assert.Equal([0f, 0f, 0f, 0f, -1e9f, -1e9f], result["additive"].Floats);
        Assert.Equal([2L, 3L], result["shape"].Int64s);
    }

    [Fact]
    public void Integer_division_gives_the_subsampled_length()
    {
        var graph = new OnnxGraphBuilder("lengths");
        var lengths = graph.Input("lengths", OnnxElementType.Int64, "batch");
        var one = graph.ScalarInt64(1);
        var halved = graph.Add(graph.Div(graph.Sub(lengths, one), graph.ScalarInt64(2)), one);
        graph.Output("out", halved, OnnxElementType.Int64, "batch");
        graph.Output("as_int32", graph.Cast(halved, OnnxElementType.Int32), OnnxElementType.Int32, "batch");

        var result = OrtRunner.Run(graph, ("lengths", OrtRunner.Int64s([1, 2, 3, 7, 8], 5)));

        Assert.Equal([1L, 1L, 2L, 4L, 4L], result["out"].Int64s);
        Assert.Equal([1, 1, 2, 4, 4], result["as_int32"].Int32s);
    }

    [Fact]
    public void Concat_joins_along_the_axis()
    {
        var graph = new OnnxGraphBuilder("concat");
        var a = graph.Initializer("a", [1f, 2f], 1, 2);
        var b = graph.Initializer("b", [3f, 4f], 1, 2);
        graph.Output("y", graph.Concat(1, a, b), OnnxElementType.Float, 1, 4);

        Assert.Equal([1f, 2f, 3f, 4f], OrtRunner.Run(graph)["y"].Floats);
    }

    [Fact]
    public void Lstm_hidden_state_is_taken_at_each_sequence_length()
    {
        const int Steps = 5, Batch = 3, Input = 4, Hidden = 3;
        var x = Reference.Random(Steps * Batch * Input, 11);
        var w = Reference.Random(4 * Hidden * Input, 12, 0.5f);
        var r = Reference.Random(4 * Hidden * Hidden, 13, 0.5f);
        var wb = Reference.Random(4 * Hidden, 14, 0.5f);
        var rb = Reference.Random(4 * Hidden, 15, 0.5f);
        int[] lengths = [5, 2, 1];
        var graph = new OnnxGraphBuilder("lstm");
        var input = graph.Input("x", OnnxElementType.Float, "steps", "batch", Input);
        var lens = graph.Input("lengths", OnnxElementType.Int64, "batch");
        var outputs = graph.Lstm(
            input,
            graph.Initializer("W", w, 1, 4 * Hidden, Input),
            graph.Initializer("R", r, 1, 4 * Hidden, Hidden),
            graph.Initializer("B", [.. wb, .. rb], 1, 8 * Hidden),
            graph.Cast(lens, OnnxElementType.Int32),
            Hidden);
        graph.Output("h", graph.Squeeze(outputs.YH, 0), OnnxElementType.Float, "batch", Hidden);
        graph.Output("y", outputs.Y, OnnxElementType.Float, "steps", 1, "batch", Hidden);

        var result = OrtRunner.Run(
            graph,
            ("x", OrtRunner.Floats(x, Steps, Batch, Input)),
            ("lengths", OrtRunner.Int64s(lengths.Select(l => (long)l).ToArray(), Batch)));

        TestAssert.Close(Reference.LstmLastHidden(x, w, r, wb, rb, lengths, Steps, Batch, Input, Hidden), result["h"].Floats);
        // Y holds zeros past each sequence's end: step 2 of the second sequence.
        Assert.All(result["y"].Floats.Skip(((2 * Batch) + 1) * Hidden).Take(Hidden), v => Assert.Equal(0f, v));
    }
}
