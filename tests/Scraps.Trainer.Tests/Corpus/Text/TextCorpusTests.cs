using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class TextCorpusTests
{
    [Fact]
    public void Loads_filtered_unique_sentences_in_source_order()
    {
        using var folder = new TempFolder();
        var text = folder.Write("a.txt", "The cat sat on the mat. The dog ran away fast. In 1999 nothing happened.\n\nThe cat sat on the mat.\n");
        var fortunes = Path.Combine(folder.Path, "fortunes");
        Directory.CreateDirectory(fortunes);
        File.WriteAllText(Path.Combine(fortunes, "b"), "Birds of a feather flock together.\n%\nSee http://x.org now.\n");

        var sentences = TextCorpus.Load(fortunes, [text]);

        Assert.Equal(["The cat sat on the mat.", "The dog ran away fast.", "Birds of a feather flock together."], sentences.Select(s => s.Text));
        Assert.Equal(["text/a.txt", "text/a.txt", "fortunes/b"], sentences.Select(s => s.Source));
    }

    [Fact]
    public void A_missing_text_file_is_a_clear_error()
    {
        var error = Assert.Throws<FileNotFoundException>(() => TextCorpus.Load(null, ["/no/such/file.txt"]));
        Assert.Contains("/no/such/file.txt", error.Message);
    }

    [Fact]
    public void Sources_without_usable_sentences_are_rejected()
    {
        using var folder = new TempFolder();
        var text = folder.Write("junk.txt", "12345\n\n$$$ ###\n");
        Assert.Throws<InvalidDataException>(() => TextCorpus.Load(null, [text]));
    }

    [Fact]
    public void An_empty_fortune_folder_without_text_files_is_rejected()
    {
        using var folder = new TempFolder();
        Assert.Throws<DirectoryNotFoundException>(() => TextCorpus.Load(folder.Path, []));
    }
}
