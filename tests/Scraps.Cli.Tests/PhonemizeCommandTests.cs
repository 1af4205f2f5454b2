using System.CommandLine;
using Scraps.Shared;

namespace Scraps.Cli.Tests;

public class PhonemizeCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var root = new RootCommand("test") { PhonemizeCommand.Create() };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLineRunner.InvokeAsync(root, ["phonemize", .. args], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Prints_XSampa_tokens_space_separated_on_one_line()
    {
        var (exitCode, stdout, stderr) = await RunAsync("Hello, world.");

        Assert.Equal(0, exitCode);
        Assert.Equal("h @ l \" oU |, w \" 3: l d |." + Environment.NewLine, stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public async Task Prints_IPA_with_ipa_option()
    {
        var (exitCode, stdout, _) = await RunAsync("Hello, world.", "--ipa");

        Assert.Equal(0, exitCode);
        Assert.Equal("h ə l ˈ oʊ , w ˈ ɜː l d .", stdout.TrimEnd());
    }

    [Fact]
    public async Task Voice_option_selects_the_espeak_voice()
    {
        var (exitCode, stdout, _) = await RunAsync("six big bits", "--voice", "en-gb");

        Assert.Equal(0, exitCode);
        Assert.Equal("s \" I k s # b \" I g # b \" I t s", stdout.TrimEnd());
    }

    [Theory]
    [InlineData("   ", "empty")]
    [InlineData("?!...", "no speakable content")]
    public async Task Bad_text_is_one_line_on_stderr_and_exit_code_2(string text, string expected)
    {
        var (exitCode, stdout, stderr) = await RunAsync(text);

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains(expected, stderr);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Text_over_1000_characters_is_an_input_error()
    {
        var (exitCode, _, stderr) = await RunAsync(new string('a', 1001));

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains("more than the limit of 1000", stderr);
    }

    [Fact]
    public async Task Unknown_voice_is_an_input_error()
    {
        var (exitCode, stdout, stderr) = await RunAsync("hello", "--voice", "xx-yy");

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("error: unknown espeak-ng voice 'xx-yy': it is neither a voice name nor a language that espeak-ng knows (list them with 'espeak-ng --voices')", stderr.TrimEnd());
    }

    [Fact]
    public async Task Phones_outside_the_inventory_are_an_input_error_naming_them()
    {
        var (exitCode, _, stderr) = await RunAsync("I own a boat", "--voice", "en-gb");

        Assert.Equal(CommandLineRunner.InputError, exitCode);
        Assert.Contains("[əʊ]", stderr);
    }

    [Fact]
    public async Task Missing_text_is_a_usage_error()
    {
        var (exitCode, stdout, _) = await RunAsync();

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("|.", stdout);
    }
}
