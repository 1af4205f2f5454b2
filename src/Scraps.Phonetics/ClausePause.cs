namespace Scraps.Phonetics;

/// <summary>The punctuation that ended a clause, as one of the inventory's pause tokens.</summary>
internal enum ClausePause
{
    None,
    Comma,
    Period,
    Question,
    Exclamation,
    Semicolon,
    Colon,
}

internal static class ClausePauseSymbols
{
    /// <summary>X-SAMPA rendering of each pause token.</summary>
    public static string XSampa(ClausePause pause) => pause switch
    {
        ClausePause.Comma => "|,",
        ClausePause.Period => "|.",
        ClausePause.Question => "|?",
        ClausePause.Exclamation => "|!",
        ClausePause.Semicolon => "|;",
        ClausePause.Colon => "|:",
        _ => throw new ArgumentOutOfRangeException(nameof(pause), pause, "no pause token"),
    };

    public static readonly IReadOnlyList<ClausePause> All =
        [ClausePause.Comma, ClausePause.Period, ClausePause.Question, ClausePause.Exclamation, ClausePause.Semicolon, ClausePause.Colon];
}
