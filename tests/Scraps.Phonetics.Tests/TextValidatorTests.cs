namespace Scraps.Phonetics.Tests;

public class TextValidatorTests
{
    [Theory]
    [InlineData("hello")]
    [InlineData("42")]
    [InlineData("$")]
    [InlineData("^")]
    [InlineData("\u4F60\u597D")]
    [InlineData("  a  ")]
    public void Accepts_text_with_something_to_say(string text) => TextValidator.Validate(text, 10);

    [Theory]
    [InlineData("")]
    [InlineData(" \t\r\n")]
    public void Rejects_empty_text(string text) =>
        Assert.Throws<EmptyTextException>(() => TextValidator.Validate(text, 10));

    [Theory]
    [InlineData(".,;:!?")]
    [InlineData("( ) [ ] \" ' - \u2014 \u2026")]
    public void Rejects_punctuation_only(string text) =>
        Assert.Throws<NoSpeakableContentException>(() => TextValidator.Validate(text, 100));

    [Fact]
    public void Counts_characters_not_UTF16_units()
    {
        TextValidator.Validate("😀😀😀", 3);
        var error = Assert.Throws<TextTooLongException>(() => TextValidator.Validate("😀😀😀😀", 3));
        Assert.Equal(4, error.Length);
    }

    [Fact]
    public void Sanitize_replaces_control_characters_but_keeps_line_breaks_and_tabs()
    {
        Assert.Equal("a b c\nd\te\r\n", TextValidator.Sanitize("a\u0001b\0c\nd\te\r\n"));
        const string clean = "nothing to do";
        Assert.Same(clean, TextValidator.Sanitize(clean));
    }
}
