namespace Scraps.Onnx;

/// <summary>Tensor element types the Scraps graphs use; values are ONNX's TensorProto.DataType codes.</summary>
public enum OnnxElementType
{
    Float = 1,
    Int32 = 6,
    Int64 = 7,
    Bool = 9,
}
