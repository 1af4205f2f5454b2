using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class WordListsTests
{
    [Fact]
    public void Keeps_words_the_texts_use_names_and_proper_nouns_and_drops_unspeakable_entries()
    {
        using var folder = new TempFolder();
        var words = folder.Write("words", "apple\napple's\nwindow\nzyzzyva\nnth\nBoston\nNASA\nAnna\ncafé\n");
        var names = folder.Write("names", "Anna\nSiobhan\nX\n");
        TextSentence[] sentences = [new("An apple by the window.", "text/a"), new("Nth time.", "text/a")];

        var lists = WordLists.Load(words, names, sentences);

        Assert.Equal(["apple", "window"], lists.Words);
        Assert.Equal(["Anna", "Siobhan"], lists.FirstNames);
        Assert.Equal(["Boston"], lists.Surnames);
    }

    [Fact]
    public void Reads_gzipped_name_lists()
    {
        using var folder = new TempFolder();
        var path = folder.File("names.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write("Ahmed\nAgnetha\n"u8);
        }

        var lists = WordLists.Load(folder.Write("words", "apple\nBoston\n"), path, [new("An apple.", "text/a")]);
        Assert.Equal(["Agnetha", "Ahmed"], lists.FirstNames);
    }

    [Fact]
    public void A_missing_default_list_names_its_package()
    {
        var error = Assert.Throws<FileNotFoundException>(() => WordLists.Load("/no/such/words", WordLists.DefaultNameList, []));
        Assert.Contains("--word-list", error.Message);
        Assert.Contains("word=0", error.Message);
    }
}
