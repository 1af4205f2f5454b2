using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class PlainTextReaderTests
{
    [Fact]
    public void Joins_lines_into_paragraphs_split_at_blank_lines()
    {
        using var folder = new TempFolder();
        var path = folder.Write("book.txt", "First line\n  continues here.\n\n\nSecond paragraph.\n");
        Assert.Equal(["First line continues here.", "Second paragraph."], PlainTextReader.ReadParagraphs(path).ToArray());
    }
}
