namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// The kinds of utterance a corpus speaks. Users send more than read sentences: single words and names, digits,
/// numbers, dates, times, short commands, spontaneous speech with fillers, and long read passages; a model trained on
/// read sentences of 1-8 s alone fails on those (issue "a corpus that transfers to human speech").
/// </summary>
internal static class TextKinds
{
    /// <summary>A sentence of the text sources (fortunes, --text files), as read aloud.</summary>
    public const string Sentence = "sentence";

    /// <summary>One word, a first name, or a first name and a surname or place name.</summary>
    public const string Word = "word";

    /// <summary>Digit strings, numbers, years, dates, times, money, percentages, spelled out as spoken.</summary>
    public const string Number = "number";

    /// <summary>Short voice-assistant and app commands.</summary>
    public const string Command = "command";

    /// <summary>Spontaneous-style speech: fillers, repetitions, restarts and discourse markers.</summary>
    public const string Spontaneous = "spontaneous";

    /// <summary>Consecutive sentences read as one passage of 10-25 s.</summary>
    public const string Passage = "passage";

    public static readonly IReadOnlyList<string> All = [Sentence, Word, Number, Command, Spontaneous, Passage];

    /// <summary>
    /// Default shares of clips. The floors: words and names >= 5%, digits/numbers/dates/times/commands
    /// >= 10% (number + command here), spontaneous >= 10%, passages >= 10%; each default sits above its floor, and the
    /// kinds are assigned by <see cref="TextKindSchedule"/>, which holds shares exactly, not only on average.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultShares = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Sentence] = 0.55,
        [Word] = 0.07,
        [Number] = 0.08,
        [Command] = 0.05,
        [Spontaneous] = 0.13,
        [Passage] = 0.12,
    };
}
