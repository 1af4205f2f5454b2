namespace Scraps.Cli.Eval;

/// <summary>SCRAPS scores (dot products) between phonetic vectors T and acoustic vectors A.</summary>
internal static class PairScores
{
    public static float Dot(float[] a, float[] b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vectors have different sizes ({a.Length} and {b.Length})");
        }

        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return (float)sum;
    }

    /// <summary>The matched scores T[i]·A[i].</summary>
    public static float[] Diagonal(float[][] text, float[][] audio)
    {
        if (text.Length != audio.Length)
        {
            throw new ArgumentException($"{text.Length} phonetic and {audio.Length} acoustic vectors cannot be paired");
        }

        var scores = new float[text.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Dot(text[i], audio[i]);
        }

        return scores;
    }

    /// <summary>The minibatch score matrix L[i, j] = T[start + i]·A[start + j] (rows phonemes, columns audio).</summary>
    public static float[,] Matrix(float[][] text, float[][] audio, int start, int count)
    {
        if (start < 0 || count < 1 || start + count > text.Length || start + count > audio.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), $"minibatch [{start}, {start + count}) is outside the {Math.Min(text.Length, audio.Length)} pairs");
        }

        var scores = new float[count, count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < count; j++)
            {
                scores[i, j] = Dot(text[start + i], audio[start + j]);
            }
        }

        return scores;
    }
}
