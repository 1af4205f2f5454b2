namespace Scraps.Phonetics.Tests;

public class ClauseTerminatorTests
{
    // consumedText is what espeak read for the clause: unless isLast, it ends with the white space after the
    // punctuation plus one character that espeak reads again for the next clause.
    [Theory]
    [InlineData("Hello, w", false, "Comma")]
    [InlineData("orld.", true, "Period")]
    [InlineData("orld", true, "None")]
    [InlineData("Really? Y", false, "Question")]
    [InlineData("Yes! 3", false, "Exclamation")]
    [InlineData("off: o", false, "Colon")]
    [InlineData("one; t", false, "Semicolon")]
    [InlineData("x , y", false, "Comma")]
    [InlineData("Now?! N", false, "Question")]
    [InlineData("Now!?", true, "Exclamation")]
    [InlineData("Stop!!! N", false, "Exclamation")]
    [InlineData("Yes!. o", false, "Period")]
    [InlineData("Wait... w", false, "Semicolon")]
    [InlineData("Wait.. w", false, "Period")]
    [InlineData("Wait\u2026 w", false, "Semicolon")]
    [InlineData("grants \u2014 a", false, "Semicolon")]
    [InlineData("quoted,\"", false, "Comma")]
    [InlineData("so.) T", false, "Period")]
    [InlineData("He said \u201Cno.\u201D", true, "Period")]
    [InlineData("first line\n\ns", false, "Period")]
    [InlineData("first line\ns", false, "None")]
    [InlineData("\u4F60\u597D\u3002", true, "Period")]
    [InlineData("\u0645\u0631\u062D\u0628\u0627\u061F", true, "Question")]
    [InlineData("tail text 😀", false, "None")]
    [InlineData("", true, "None")]
    public void Finds_the_punctuation_that_ended_the_clause(string consumed, bool isLast, string expected) =>
        Assert.Equal(Enum.Parse<ClausePause>(expected), ClauseTerminator.Detect(consumed, isLast, englishAbbreviations: true));

    [Theory]
    [InlineData("Dr. S", true, "None")]
    [InlineData("Ask Mrs. B", true, "None")]
    [InlineData("Main St. T", true, "None")]
    [InlineData("Plan B. T", true, "None")]
    [InlineData("(J. K", true, "None")]
    [InlineData("the doctor. S", true, "Period")]
    [InlineData("at Paul's. T", true, "Period")]
    [InlineData("U.S.A. T", true, "Period")]
    [InlineData("Dr. S", false, "Period")]
    [InlineData("Plan B. T", false, "None")]
    public void Dot_after_an_abbreviation_espeak_knows_is_no_pause(string consumed, bool english, string expected) =>
        Assert.Equal(Enum.Parse<ClausePause>(expected), ClauseTerminator.Detect(consumed, isLast: false, englishAbbreviations: english));

    [Theory]
    [InlineData('\u060C', "Comma")]
    [InlineData('\uFF0C', "Comma")]
    [InlineData('\u0964', "Period")]
    [InlineData('\uFF1F', "Question")]
    [InlineData('\uFF01', "Exclamation")]
    [InlineData('\uFF1A', "Colon")]
    [InlineData('\u00BF', "Semicolon")]
    [InlineData('-', "None")]
    [InlineData('a', "None")]
    public void Classifies_clause_punctuation_like_espeak(char c, string expected) =>
        Assert.Equal(Enum.Parse<ClausePause>(expected), ClauseTerminator.Of(c));
}
