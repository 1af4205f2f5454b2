namespace Scraps.Inference.Scoring;

/// <summary>
/// Raw scores of N clips (rows) against M phoneme sequences (columns), with the softmax of each row (which
/// transcript fits this clip) and of each column (which clip fits this transcript), all as [N][M].
/// </summary>
public sealed record ScoreMatrixResult(double[][] Scores, double[][] RowSoftmax, double[][] ColumnSoftmax);
