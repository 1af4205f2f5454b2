namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// The words one clip speaks, their kind (<see cref="TextKinds"/>) and where they came from: each source a fortune
/// file ("fortunes/cookie"), a --text file ("text/story.txt"), a word list ("wamerican:word") or a generator
/// ("generated:number/date", "generated:disfluency").
/// </summary>
internal sealed record PlannedText(string Kind, string Text, IReadOnlyList<string> Sources)
{
    /// <summary>The sources as one manifest field: "fortunes/cookie+generated:disfluency".</summary>
    public string Source => string.Join('+', Sources);
}
