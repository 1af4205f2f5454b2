namespace Scraps.Cli.Eval;

/// <summary>What an evaluation reports while it runs (a progress display on stderr, or nothing in tests).</summary>
internal interface IEvalProgress
{
    /// <summary>A new stage begins with <paramref name="total"/> units of work (clips or sequences to encode, lines to prepare).</summary>
    void StageStarted(string stage, int total);

    /// <summary><paramref name="units"/> more units of the current stage are done.</summary>
    void Advanced(int units);

    /// <summary>Something the user should know (a skipped line, fewer pairs than asked for).</summary>
    void Warn(string message);
}
