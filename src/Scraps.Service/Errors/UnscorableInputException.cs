namespace Scraps.Service.Errors;

/// <summary>
/// A well-formed request that cannot be scored (empty transcript, audio too short or too long for the limits or
/// the model): HTTP 422.
/// </summary>
internal sealed class UnscorableInputException(string detail) : Exception(detail);
