using Scraps.Onnx.Graphs;

namespace Scraps.Onnx.Tests.Graphs;

public sealed class EncoderGraphPartsTests
{
    [Fact]
    public void Gate_blocks_go_from_torch_ifgo_to_onnx_iofc()
    {
        // Two hidden units, width 1: blocks i = [1, 2], f = [3, 4], g = [5, 6], o = [7, 8].
        float[] torch = [1, 2, 3, 4, 5, 6, 7, 8];

        Assert.Equal([1f, 2f, 7f, 8f, 3f, 4f, 5f, 6f], EncoderGraphParts.ToOnnxGateOrder(torch, 2, 1));
    }

    [Fact]
    public void Linear_applies_weights_stored_out_by_in()
    {
        var graph = new OnnxGraphBuilder("linear");
        var parts = new EncoderGraphParts(graph, RandomScrapsWeights.TinyDims());
        var x = graph.Input("x", OnnxElementType.Float, 1, 2);

        // W [3, 2] (PyTorch layout): y = x W^T + b.
        var y = parts.Linear(x, new LinearWeights([1, 0, 0, 1, 1, 1], [0.5f, 0, -1]), "l", 2, 3);
        graph.Output("y", y, OnnxElementType.Float, 1, 3);

        Assert.Equal([2.5f, 3f, 4f], OrtRunner.Run(graph, ("x", OrtRunner.Floats([2f, 3f], 1, 2)))["y"].Floats);
    }

    [Fact]
    public void Positions_add_alpha_times_the_first_rows_of_the_table()
    {
        var dims = RandomScrapsWeights.TinyDims() with { ModelDim = 2 };
        var graph = new OnnxGraphBuilder("pe");
        var parts = new EncoderGraphParts(graph, dims);
        var x = graph.Input("x", OnnxElementType.Float, 1, "length", 2);
        graph.Output("y", parts.AddPositions(x, [1, 2, 3, 4, 5, 6], 0.5f, parts.StepCount(x), "p"), OnnxElementType.Float, 1, "length", 2);

        var y = OrtRunner.Run(graph, ("x", OrtRunner.Floats([10f, 10f, 20f, 20f], 1, 2, 2)))["y"];

        Assert.Equal([10.5f, 11f, 21.5f, 22f], y.Floats);
    }
}
