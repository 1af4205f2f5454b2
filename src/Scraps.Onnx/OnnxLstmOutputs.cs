namespace Scraps.Onnx;

/// <summary>
/// The outputs of an ONNX LSTM node: <paramref name="Y"/> [T, 1, B, H] (all steps; zero past each sequence's
/// length), <paramref name="YH"/> [1, B, H] (hidden state at each sequence's last valid step) and
/// <paramref name="YC"/> [1, B, H] (cell state there).
/// </summary>
public sealed record OnnxLstmOutputs(string Y, string YH, string YC);
