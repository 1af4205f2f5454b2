using System.Runtime.InteropServices;
using Google.Protobuf;
using Scraps.Onnx.Protobuf;

namespace Scraps.Onnx;

/// <summary>
/// Builds one ONNX graph (default domain, opset 17) value by value. Every value is named by a string;
/// node helpers (see the other part of this class) return the name of the value they produce. Names are
/// checked as the graph grows, so a typo fails at the line that made it, not inside ONNX Runtime.
/// </summary>
public sealed partial class OnnxGraphBuilder
{
    /// <summary>The ONNX operator set the graphs target.</summary>
    public const int OpsetVersion = 17;

    /// <summary>IR version 8 is the one that goes with opset 17 (ONNX 1.12).</summary>
    internal const long IrVersion = 8;

    private readonly GraphProto _graph;
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private int _nextId;

    public OnnxGraphBuilder(string graphName)
    {
        if (string.IsNullOrWhiteSpace(graphName))
        {
            throw new ArgumentException("An ONNX graph needs a non-empty name.", nameof(graphName));
        }

        _graph = new GraphProto { Name = graphName };
    }

    public string GraphName => _graph.Name;

    /// <summary>Declares a graph input and returns its name.</summary>
    public string Input(string name, OnnxElementType type, params OnnxDim[] shape)
    {
        Declare(name);
        _graph.Input.Add(ValueInfo(name, type, shape));
        return name;
    }

    /// <summary>Declares an existing value as a graph output under its own name.</summary>
    public void Output(string name, OnnxElementType type, params OnnxDim[] shape) => Output(name, name, type, shape);

    /// <summary>Declares <paramref name="value"/> as the graph output <paramref name="name"/> (adding an Identity when the names differ).</summary>
    public void Output(string name, string value, OnnxElementType type, params OnnxDim[] shape)
    {
        RequireKnown(value, $"output '{name}'");
        if (_graph.Output.Any(o => o.Name == name))
        {
            throw new OnnxGraphException($"Graph '{GraphName}': output '{name}' is declared twice.");
        }

        if (name != value)
        {
            Node("Identity", [value], [name]);
        }

        _graph.Output.Add(ValueInfo(name, type, shape));
    }

    /// <summary>Adds a float initializer (a weight) of the given shape and returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<float> data, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Float, MemoryMarshal.AsBytes(data), data.Length, dims);

    /// <summary>Adds an int64 initializer of the given shape and returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<long> data, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Int64, MemoryMarshal.AsBytes(data), data.Length, dims);

    /// <summary>Adds an int32 initializer of the given shape and returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<int> data, params long[] dims) =>
        AddInitializer(name, OnnxElementType.Int32, MemoryMarshal.AsBytes(data), data.Length, dims);

    /// <summary>A 1-D int64 constant (shared between uses with the same values).</summary>
    public string Constant(params long[] values) =>
        SharedConstant("i64[" + string.Join(',', values) + "]", name => Initializer(name, values, values.Length));

    /// <summary>A scalar (rank 0) int64 constant.</summary>
    public string ScalarInt64(long value) =>
        SharedConstant($"i64 {value}", name => Initializer(name, [value]));

    /// <summary>A scalar (rank 0) float constant.</summary>
    public string ScalarFloat(float value) =>
        SharedConstant($"f32 {BitConverter.SingleToInt32Bits(value)}", name => Initializer(name, [value]));

    /// <summary>Adds a node with the given output names.</summary>
    public void Node(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, params OnnxAttribute[] attributes)
    {
        if (string.IsNullOrWhiteSpace(opType))
        {
            throw new ArgumentException("A node needs an operator type.", nameof(opType));
        }

        if (outputs.Count == 0)
        {
            throw new OnnxGraphException($"Graph '{GraphName}': a {opType} node needs at least one output.");
        }

        var node = new NodeProto { OpType = opType, Name = $"{opType}_{_nextId++}" };
        foreach (var input in inputs)
        {
            // An empty name is ONNX's way of skipping an optional input.
            if (input.Length > 0)
            {
                RequireKnown(input, $"input of {node.Name}");
            }

            node.Input.Add(input);
        }

        foreach (var output in outputs)
        {
            // An empty name skips an optional output.
            if (output.Length > 0)
            {
                Declare(output);
            }

            node.Output.Add(output);
        }

        foreach (var attribute in attributes)
        {
            node.Attribute.Add(attribute.Proto.Clone());
        }

        _graph.Node.Add(node);
    }

    /// <summary>Adds a node whose outputs get generated names, and returns those names.</summary>
    public string[] Node(string opType, IReadOnlyList<string> inputs, int outputCount, params OnnxAttribute[] attributes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputCount, 1);
        var outputs = new string[outputCount];
        var id = _nextId;
        for (var i = 0; i < outputCount; i++)
        {
            outputs[i] = outputCount == 1 ? $"{opType}_{id}" : $"{opType}_{id}_{i}";
        }

        Node(opType, inputs, outputs, attributes);
        return outputs;
    }

    /// <summary>Adds a key/value pair to the model's metadata_props.</summary>
    public void Metadata(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new ArgumentException("A metadata key must be non-empty.", nameof(key));
        }

        _metadata[key] = value;
    }

    /// <summary>The serialized ModelProto.</summary>
    public byte[] ToBytes() => BuildModel().ToByteArray();

    /// <summary>Writes the serialized ModelProto to <paramref name="path"/> (creating its folder).</summary>
    public void Save(string path)
    {
        var model = BuildModel();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using var stream = File.Create(path);
        model.WriteTo(stream);
    }

    internal ModelProto BuildModel()
    {
        if (_graph.Output.Count == 0)
        {
            throw new OnnxGraphException($"Graph '{GraphName}' has no outputs.");
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Scraps.Onnx",
            ProducerVersion = typeof(OnnxGraphBuilder).Assembly.GetName().Version?.ToString() ?? "0",
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OpsetVersion });
        foreach (var (key, value) in _metadata)
        {
            model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return model;
    }

    private string AddInitializer(string name, OnnxElementType type, ReadOnlySpan<byte> bytes, int count, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this writer needs a little-endian machine.");
        }

        long expected = 1;
        foreach (var dim in dims)
        {
            if (dim < 0)
            {
                throw new ArgumentException($"Initializer '{name}': dimension {dim} is negative.", nameof(dims));
            }

            expected *= dim;
        }

        if (expected != count)
        {
            throw new ArgumentException(
                $"Initializer '{name}': {count} values do not fill shape [{string.Join(", ", dims)}] ({expected} values).",
                nameof(dims));
        }

        Declare(name);
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        _graph.Initializer.Add(tensor);
        return name;
    }

    private string SharedConstant(string key, Func<string, string> create)
    {
        if (!_constants.TryGetValue(key, out var name))
        {
            name = create($"const_{_nextId++}");
            _constants[key] = name;
        }

        return name;
    }

    private void Declare(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"Graph '{GraphName}': value names must be non-empty.", nameof(name));
        }

        if (!_values.Add(name))
        {
            throw new OnnxGraphException($"Graph '{GraphName}': value '{name}' is defined twice.");
        }
    }

    private void RequireKnown(string name, string usedAs)
    {
        if (!_values.Contains(name))
        {
            throw new OnnxGraphException($"Graph '{GraphName}': {usedAs} refers to '{name}', which is not defined yet.");
        }
    }

    private static ValueInfoProto ValueInfo(string name, OnnxElementType type, OnnxDim[] shape)
    {
        var tensorShape = new TensorShapeProto();
        foreach (var dim in shape)
        {
            // default(OnnxDim) has neither: ONNX reads a bare Dimension as "unknown".
            var entry = new TensorShapeProto.Types.Dimension();
            if (dim.Symbol is { } symbol)
            {
                entry.DimParam = symbol;
            }
            else if (dim.Size is { } size)
            {
                entry.DimValue = size;
            }

            tensorShape.Dim.Add(entry);
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = tensorShape } },
        };
    }
}
