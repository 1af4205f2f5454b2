using Google.Protobuf;
using Scraps.Onnx.Protobuf;

namespace Scraps.Onnx;

/// <summary>A named node attribute (ONNX AttributeProto): int, ints, float, floats or string.</summary>
public sealed class OnnxAttribute
{
    private OnnxAttribute(AttributeProto proto) => Proto = proto;

    public string Name => Proto.Name;

    internal AttributeProto Proto { get; }

    public static OnnxAttribute Int(string name, long value) =>
        new(new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Int, I = value });

    public static OnnxAttribute Ints(string name, params long[] values)
    {
        var proto = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Ints };
        proto.Ints.AddRange(values);
        return new OnnxAttribute(proto);
    }

    public static OnnxAttribute Float(string name, float value) =>
        new(new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Float, F = value });

    public static OnnxAttribute Floats(string name, params float[] values)
    {
        var proto = new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.Floats };
        proto.Floats.AddRange(values);
        return new OnnxAttribute(proto);
    }

    public static OnnxAttribute String(string name, string value) =>
        new(new AttributeProto { Name = CheckName(name), Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) });

    private static string CheckName(string name) =>
        string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("An ONNX attribute needs a non-empty name.", nameof(name)) : name;
}
