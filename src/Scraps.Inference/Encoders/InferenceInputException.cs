namespace Scraps.Inference.Encoders;

/// <summary>An input the model cannot encode (empty, too long, unknown token, wrong shape); says which item and why.</summary>
public sealed class InferenceInputException(string message) : ArgumentException(message), Scraps.Errors.IInputError;
