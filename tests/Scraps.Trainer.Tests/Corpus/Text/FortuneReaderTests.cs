using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class FortuneReaderTests
{
    [Fact]
    public void Reads_entries_between_percent_lines_without_attributions()
    {
        using var folder = new TempFolder();
        var path = folder.Write("wisdom", "A fool and his money\nare soon parted.\n\t\t-- Proverb\n%\nSecond entry here.\n%\n%\nLast one.\n");
        var paragraphs = FortuneReader.ReadParagraphs(path).ToArray();
        Assert.Equal(["A fool and his money are soon parted.", "Second entry here.", "Last one."], paragraphs);
    }

    [Fact]
    public void Lists_databases_sorted_without_index_files_or_pictures()
    {
        using var folder = new TempFolder();
        foreach (var name in new[] { "zippy", "art", "ascii-art", "debian", "debian.dat", "debian.u8" })
        {
            folder.Write(name, "x\n");
        }

        var files = FortuneReader.DatabaseFiles(folder.Path).Select(f => Path.GetFileName(f)!).ToArray();
        Assert.Equal(["debian", "zippy"], files);
    }

    [Fact]
    public void A_missing_folder_has_no_databases() => Assert.Empty(FortuneReader.DatabaseFiles("/no/such/folder"));
}
