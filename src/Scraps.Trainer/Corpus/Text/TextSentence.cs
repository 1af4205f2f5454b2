namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// A sentence of the text sources and where it came from: "fortunes/cookie" (a fortune database file) or
/// "text/story.txt" (a --text file). The source goes to the manifest and corpus.json, so every clip's words can be
/// traced to a Debian package, a given file or a generator.
/// </summary>
internal sealed record TextSentence(string Text, string Source);
