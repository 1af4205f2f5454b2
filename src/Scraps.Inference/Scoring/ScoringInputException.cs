namespace Scraps.Inference.Scoring;

/// <summary>
/// A well-formed input that cannot be scored: an empty or over-long transcript, unknown phonemes, audio too short or
/// too long, or a question the model cannot answer (per-word answers from a model without the CTC head). The service
/// answers 422 with this message; the CLI prints it.
/// </summary>
public sealed class ScoringInputException(string message, Exception? inner = null) : Exception(message, inner), Scraps.Errors.IInputError;
