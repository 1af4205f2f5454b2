using Scraps.Phonetics;
using Scraps.Phonetics.Lexicon;

namespace Scraps.Model.Training;

/// <summary>
/// Makes near-miss phoneme sequences of a pair's own transcript (hard negatives, <see cref="HardNegativeKind"/>),
/// working on token ids: words are the runs of phone and stress tokens between word boundaries and pauses. Every
/// negative differs from the original; the kind of each is drawn uniformly from the enabled kinds, falling back to
/// <see cref="HardNegativeKind.PhoneNoise"/> when a kind cannot apply (one word only, no close word in the lexicon).
/// All draws come from the caller's <see cref="DeterministicRandom"/>, so a resumed run draws the same negatives.
/// Not thread-safe (it caches the close words of every word it has seen).
/// </summary>
public sealed class HardNegativeSampler
{
    private const double MinPhoneNoise = 0.1;
    private const double MaxPhoneNoise = 0.3;

    private readonly PhonemeInventory _inventory;
    private readonly NearMissFinder? _finder;
    private readonly HardNegativeKind[] _kinds;
    private readonly int _maxTokens;
    private readonly int _wordBoundary;
    private readonly int[] _phones;
    private readonly Dictionary<string, int[][]> _closeWords = new(StringComparer.Ordinal);

    /// <param name="finder">Close words for <see cref="HardNegativeKind.CloseWord"/> and <see cref="HardNegativeKind.InsertWord"/>; required when those are enabled.</param>
    /// <param name="maxTokens">Negatives longer than this (the positional table) are not produced.</param>
    public HardNegativeSampler(PhonemeInventory inventory, NearMissFinder? finder, HardNegativeKind kinds, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        if (kinds.Kinds().Length == 0)
        {
            throw new ArgumentException("At least one kind of hard negative is needed.", nameof(kinds));
        }

        if (finder is null && (kinds & (HardNegativeKind.CloseWord | HardNegativeKind.InsertWord)) != 0)
        {
            throw new ArgumentException("Close-word and inserted-word hard negatives need a pronunciation lexicon.", nameof(finder));
        }

        if (finder is not null && finder.Lexicon.Inventory.Version != inventory.Version)
        {
            throw new ArgumentException($"The lexicon uses inventory {finder.Lexicon.Inventory.Version}, the model {inventory.Version}.", nameof(finder));
        }

        _inventory = inventory;
        _finder = finder;
        _kinds = kinds.Kinds();
        _maxTokens = maxTokens;
        _wordBoundary = inventory.TryGetByXSampa(PhonemeInventory.WordBoundarySymbol, out var boundary)
            ? boundary.Id
            : throw new ArgumentException($"Inventory {inventory.Version} has no word boundary token.", nameof(inventory));
        _phones = inventory.Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.Id).ToArray();
    }

    public IReadOnlyList<HardNegativeKind> Kinds => _kinds;

    /// <summary><paramref name="count"/> negatives of <paramref name="tokens"/>.</summary>
    public int[][] Draw(int[] tokens, int count, DeterministicRandom random)
    {
        var result = new int[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = Draw(tokens, _kinds[random.Next(_kinds.Length)], random);
        }

        return result;
    }

    /// <summary>One negative of the given kind (or phone noise when that kind cannot apply to this sequence).</summary>
    public int[] Draw(int[] tokens, HardNegativeKind kind, DeterministicRandom random)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var words = Words(tokens);
        var negative = kind switch
        {
            HardNegativeKind.CloseWord => CloseWord(tokens, words, random),
            HardNegativeKind.DeleteWord => DeleteWord(tokens, words, random),
            HardNegativeKind.InsertWord => InsertWord(tokens, words, random),
            HardNegativeKind.SwapWords => SwapWords(tokens, words, random),
            _ => null,
        };
        if (negative is not null && negative.Length <= _maxTokens && negative.Length > 0 && !negative.AsSpan().SequenceEqual(tokens))
        {
            return negative;
        }

        return PhoneNoise(tokens, random);
    }

    /// <summary>The token ranges [start, end) of the words: runs of phone and stress tokens.</summary>
    public List<(int Start, int End)> Words(int[] tokens)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= tokens.Length; i++)
        {
            var inWord = i < tokens.Length && IsWordToken(tokens[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add((start, i));
                start = -1;
            }
        }
        return words;
    }

    private bool IsWordToken(int id) => id > 0 && id < _inventory.Count && _inventory[id].Kind is PhonemeKind.Phone or PhonemeKind.Stress;

    private int[]? CloseWord(int[] tokens, List<(int Start, int End)> words, DeterministicRandom random)
    {
        if (words.Count == 0)
        {
            return null;
        }

        var first = random.Next(words.Count);
        for (var n = 0; n < words.Count; n++)
        {
            var (start, end) = words[(first + n) % words.Count];
            var candidates = CloseWordsOf(tokens.AsSpan(start, end - start));
            if (candidates.Length == 0)
            {
                continue;
            }

            var replacement = candidates[random.Next(candidates.Length)];
            return [.. tokens.AsSpan(0, start), .. replacement, .. tokens.AsSpan(end)];
        }
        return null;
    }

    /// <summary>
    /// Removes one word with one separator next to it: a word boundary where there is one (after the word, else before
    /// it), so that clause pauses stay; a word alone in its clause goes with the pause after it (before it, at the end).
    /// </summary>
    private int[]? DeleteWord(int[] tokens, List<(int Start, int End)> words, DeterministicRandom random)
    {
        if (words.Count < 2)
        {
            return null;
        }

        var w = random.Next(words.Count);
        var (start, end) = words[w];
        var after = end < tokens.Length && w + 1 < words.Count ? (end, words[w + 1].Start) : ((int, int)?)null;
        var before = w > 0 ? (words[w - 1].End, start) : ((int, int)?)null;
        bool IsBoundary((int From, int To)? gap) => gap is { } g && g.To - g.From == 1 && tokens[g.From] == _wordBoundary;
        (int From, int To) cut = IsBoundary(after) ? (start, after!.Value.Item2)
            : IsBoundary(before) ? (before!.Value.Item1, end)
            : after is not null ? (start, after.Value.Item2)
            : (before!.Value.Item1, end);
        return [.. tokens.AsSpan(0, cut.From), .. tokens.AsSpan(cut.To)];
    }

    private int[]? InsertWord(int[] tokens, List<(int Start, int End)> words, DeterministicRandom random)
    {
        if (_finder is null || _finder.Lexicon.Entries.Count == 0 || words.Count == 0)
        {
            return null;
        }

        var word = _finder.Lexicon.Entries[random.Next(_finder.Lexicon.Entries.Count)].Tokens;
        var gap = random.Next(words.Count + 1);
        if (gap == 0)
        {
            return [.. tokens.AsSpan(0, words[0].Start), .. word, _wordBoundary, .. tokens.AsSpan(words[0].Start)];
        }

        var after = words[gap - 1].End;
        return [.. tokens.AsSpan(0, after), _wordBoundary, .. word, .. tokens.AsSpan(after)];
    }

    private static int[]? SwapWords(int[] tokens, List<(int Start, int End)> words, DeterministicRandom random)
    {
        if (words.Count < 2)
        {
            return null;
        }

        var first = random.Next(words.Count - 1);
        for (var n = 0; n < words.Count - 1; n++)
        {
            var w = (first + n) % (words.Count - 1);
            var a = tokens.AsSpan(words[w].Start, words[w].End - words[w].Start);
            var b = tokens.AsSpan(words[w + 1].Start, words[w + 1].End - words[w + 1].Start);
            if (a.SequenceEqual(b))
            {
                continue;
            }

            var between = tokens.AsSpan(words[w].End, words[w + 1].Start - words[w].End);
            return [.. tokens.AsSpan(0, words[w].Start), .. b, .. between, .. a, .. tokens.AsSpan(words[w + 1].End)];
        }
        return null;
    }

    /// <summary>Each phone replaced with probability p ~ U(0.1, 0.3) by another phone; at least one is replaced.</summary>
    private int[] PhoneNoise(int[] tokens, DeterministicRandom random)
    {
        var result = (int[])tokens.Clone();
        var positions = Enumerable.Range(0, tokens.Length).Where(i => _inventory[tokens[i]].Kind == PhonemeKind.Phone).ToArray();
        if (positions.Length == 0)
        {
            return [.. tokens, _wordBoundary, _phones[random.Next(_phones.Length)]];
        }

        var rate = MinPhoneNoise + ((MaxPhoneNoise - MinPhoneNoise) * random.NextDouble());
        var changed = false;
        foreach (var i in positions)
        {
            if (random.NextDouble() >= rate)
            {
                continue;
            }

            result[i] = OtherPhone(tokens[i], random);
            changed = true;
        }
        if (!changed)
        {
            var i = positions[random.Next(positions.Length)];
            result[i] = OtherPhone(tokens[i], random);
        }
        return result;
    }

    private int OtherPhone(int phone, DeterministicRandom random)
    {
        var other = _phones[random.Next(_phones.Length - 1)];
        return other == phone ? _phones[^1] : other;
    }

    /// <summary>The token sequences of the lexicon words 1-2 phones from this word (cached per word).</summary>
    private int[][] CloseWordsOf(ReadOnlySpan<int> word)
    {
        var wordPhones = new List<int>(word.Length);
        foreach (var id in word)
        {
            if (_inventory[id].Kind == PhonemeKind.Phone)
            {
                wordPhones.Add(id);
            }
        }

        if (wordPhones.Count == 0)
        {
            return [];
        }

        var key = string.Join(',', wordPhones);
        if (!_closeWords.TryGetValue(key, out var found))
        {
            found = _finder!.Find(wordPhones.ToArray()).Select(f => f.Entry.Tokens).ToArray();
            _closeWords[key] = found;
        }
        return found;
    }
}
