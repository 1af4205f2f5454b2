using Microsoft.ML.OnnxRuntime;
using Scraps.Onnx.Protobuf;

namespace Scraps.Onnx.Tests;

public sealed class OnnxGraphBuilderTests
{
    [Fact]
    public void Model_declares_ir8_opset17_and_dynamic_axes_by_name()
    {
        var graph = new OnnxGraphBuilder("g");
        var x = graph.Input("features", OnnxElementType.Float, "batch", "frames", 80);
        graph.Output("y", graph.Relu(x), OnnxElementType.Float, "batch", "frames", 80);

        var model = ModelProto.Parser.ParseFrom(graph.ToBytes());

        Assert.Equal(8, model.IrVersion);
        Assert.Equal(17, Assert.Single(model.OpsetImport).Version);
        var dims = model.Graph.Input[0].Type.TensorType.Shape.Dim;
        Assert.Equal(["batch", "frames"], dims.Take(2).Select(d => d.DimParam));
        Assert.Equal(80, dims[2].DimValue);
        Assert.Equal((int)OnnxElementType.Float, model.Graph.Input[0].Type.TensorType.ElemType);

        using var session = new InferenceSession(graph.ToBytes());
        Assert.Equal(["batch", "frames", ""], session.InputMetadata["features"].SymbolicDimensions);
        Assert.Equal([-1, -1, 80], session.InputMetadata["features"].Dimensions);
        Assert.Equal("y", Assert.Single(session.OutputNames));
    }

    [Fact]
    public void Renamed_output_runs_through_an_identity()
    {
        var graph = new OnnxGraphBuilder("g");
        var x = graph.Input("x", OnnxElementType.Float, 3);
        graph.Output("y", graph.Relu(x), OnnxElementType.Float, 3);

        var y = OrtRunner.Run(graph, ("x", OrtRunner.Floats([-1f, 0.5f, 2f], 3)))["y"];

        Assert.Equal([0f, 0.5f, 2f], y.Floats);
    }

    [Fact]
    public void Output_declared_under_its_own_name_needs_no_identity()
    {
        var graph = new OnnxGraphBuilder("g");
        var x = graph.Input("x", OnnxElementType.Float, 2);
        graph.Node("Neg", [x], ["y"]);
        graph.Output("y", OnnxElementType.Float, 2);

        var model = ModelProto.Parser.ParseFrom(graph.ToBytes());

        Assert.Equal("Neg", Assert.Single(model.Graph.Node).OpType);
        Assert.Equal([1f, -2f], OrtRunner.Run(graph, ("x", OrtRunner.Floats([-1f, 2f], 2)))["y"].Floats);
    }

    [Fact]
    public void Unknown_input_fails_where_it_is_used_and_names_it()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.Input("x", OnnxElementType.Float, 2);

        var error = Assert.Throws<OnnxGraphException>(() => graph.Add("x", "typo"));

        Assert.Contains("'typo'", error.Message);
        Assert.Contains("'g'", error.Message);
    }

    [Fact]
    public void Value_defined_twice_is_rejected()
    {
        var graph = new OnnxGraphBuilder("g");
        graph.Input("x", OnnxElementType.Float, 2);

        var error = Assert.Throws<OnnxGraphException>(() => graph.Initializer("x", [1f, 2f], 2));

        Assert.Contains("'x' is defined twice", error.Message);
    }

    [Fact]
    public void Initializer_whose_data_does_not_fill_its_shape_is_rejected()
    {
        var graph = new OnnxGraphBuilder("g");

        var error = Assert.Throws<ArgumentException>(() => graph.Initializer("w", [1f, 2f, 3f], 2, 2));

        Assert.Contains("3 values do not fill shape [2, 2]", error.Message);
    }

    [Fact]
    public void Graph_without_outputs_cannot_be_saved()
    {
        var graph = new OnnxGraphBuilder("empty");
        graph.Input("x", OnnxElementType.Float, 2);

        Assert.Throws<OnnxGraphException>(() => graph.Save(Path.Combine(Path.GetTempPath(), "never.onnx")));
    }

    [Fact]
    public void Same_output_declared_twice_is_rejected()
    {
        var graph = new OnnxGraphBuilder("g");
        var x = graph.Input("x", OnnxElementType.Float, 2);
        graph.Output("x", OnnxElementType.Float, 2);

        Assert.Throws<OnnxGraphException>(() => graph.Output("x", x, OnnxElementType.Float, 2));
    }

    [Fact]
    public void Constants_with_equal_values_are_shared()
    {
        var graph = new OnnxGraphBuilder("g");

        Assert.Equal(graph.Constant(1, 2), graph.Constant(1, 2));
        Assert.NotEqual(graph.Constant(1, 2), graph.Constant(2, 1));
        Assert.Equal(graph.ScalarFloat(0.5f), graph.ScalarFloat(0.5f));
        Assert.NotEqual(graph.ScalarInt64(1), graph.Constant(1));
    }

    [Fact]
    public void Save_writes_a_model_with_its_metadata()
    {
        var folder = Directory.CreateTempSubdirectory("scraps-onnx-");
        try
        {
            var graph = new OnnxGraphBuilder("g");
            var x = graph.Input("x", OnnxElementType.Float, 1);
            graph.Output("y", x, OnnxElementType.Float, 1);
            graph.Metadata("scraps.kind", "test");
            var path = Path.Combine(folder.FullName, "sub", "m.onnx");

            graph.Save(path);

            using var session = new InferenceSession(path);
            Assert.Equal("test", session.ModelMetadata.CustomMetadataMap["scraps.kind"]);
            Assert.Equal("Scraps.Onnx", session.ModelMetadata.ProducerName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
