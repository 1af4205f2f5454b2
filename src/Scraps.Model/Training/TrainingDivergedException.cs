namespace Scraps.Model.Training;

/// <summary>The training loss became NaN or infinite.</summary>
public sealed class TrainingDivergedException(string message) : Exception(message);
