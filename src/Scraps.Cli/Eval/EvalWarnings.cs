namespace Scraps.Cli.Eval;

/// <summary>Warnings for the user, written as they come; after the first <see cref="Shown"/> only counted, then summarised.</summary>
internal sealed class EvalWarnings(Action<string> write)
{
    public const int Shown = 20;

    public int Count { get; private set; }

    public void Warn(string message)
    {
        if (++Count <= Shown)
        {
            write($"warning: {message}");
        }
    }

    /// <summary>Says how many warnings were not shown, if any.</summary>
    public void Summarise()
    {
        if (Count > Shown)
        {
            write($"warning: {Count - Shown} more warning(s) not shown");
        }
    }
}
