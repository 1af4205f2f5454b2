namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Assigns clip i its text kind from a golden-ratio (Weyl) sequence, x_i = frac(offset + i * 0.618...), cut into
/// intervals as long as the shares. Unlike an independent draw per clip, any run of n consecutive clips holds each
/// kind within about log(n) clips of share * n: a 60,000-clip corpus has its shares to a few clips, and a
/// 12-clip test corpus with equal shares holds every kind. The offset comes from the seed, so a clip's kind depends
/// only on (seed, index), and a grown corpus keeps its first clips' kinds.
/// </summary>
internal sealed class TextKindSchedule
{
    private static readonly double Step = (Math.Sqrt(5) - 1) / 2;
    private readonly string[] _kinds;
    private readonly double[] _upper;
    private readonly double _offset;

    /// <param name="shares">Relative weights per kind (normalised here); kinds with weight 0 never occur.</param>
    public TextKindSchedule(IReadOnlyDictionary<string, double> shares, long seed)
    {
        var total = shares.Values.Sum();
        if (!(total > 0))
        {
            throw new ArgumentException("--text-kinds: at least one kind needs a share above 0");
        }

        _kinds = TextKinds.All.Where(k => shares.GetValueOrDefault(k) > 0).ToArray();
        _upper = new double[_kinds.Length];
        double cumulative = 0;
        for (var i = 0; i < _kinds.Length; i++)
        {
            cumulative += shares[_kinds[i]] / total;
            _upper[i] = cumulative;
        }

        _upper[^1] = 1;
        _offset = Synthesis.SeededRandom.For(seed, "text-kinds", 0).NextDouble();
    }

    public string KindOf(int index)
    {
        var x = (_offset + (index * Step)) % 1.0;
        for (var i = 0; i < _upper.Length; i++)
        {
            if (x < _upper[i])
            {
                return _kinds[i];
            }
        }

        return _kinds[^1];
    }
}
