using System.Runtime.CompilerServices;

namespace Scraps.Phonetics.Tests;

public class PhonemeTableDocumentTests
{
    [Fact]
    public void Committed_document_matches_the_inventory_table()
    {
        var expected = PhonemeTableDocument.Render();
        var committed = Path.Combine(AppContext.BaseDirectory, "Data", "phonemes.md");
        if (Environment.GetEnvironmentVariable("SCRAPS_UPDATE_PHONEME_DOC") == "1")
        {
            committed = SourceDocumentPath();
            File.WriteAllText(committed, expected);
        }

        Assert.True(File.Exists(committed), "src/Scraps.Phonetics/phonemes.md is missing; run the tests with SCRAPS_UPDATE_PHONEME_DOC=1");
        Assert.Equal(expected, File.ReadAllText(committed).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Document_has_one_row_per_token()
    {
        var rows = PhonemeTableDocument.Render().Split('\n').Count(line => line.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(line[2]));
        Assert.Equal(PhonemeInventory.EnglishUs.Count, rows);
    }

    private static string SourceDocumentPath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "src", "Scraps.Phonetics", "phonemes.md"));
}
