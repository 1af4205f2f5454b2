using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Scraps.Shared;
using Scraps.Trainer.Corpus;
using Scraps.Trainer.Tests.Fit;

namespace Scraps.Trainer.Tests.Corpus;

/// <summary>
/// `corpus check-labels` on the tiny espeak-ng corpus, aligned by the bundled model (trained without frame labels):
/// the synthesizer's phone times agree with where the audio has the phones, and labels moved by 150 ms do not.
/// </summary>
public sealed partial class CorpusCheckLabelsCommandTests(TinyCorpusFixture corpus) : IClassFixture<TinyCorpusFixture>
{
    [Fact]
    public async Task The_synthesizers_phone_times_agree_with_a_forced_alignment_and_shifted_ones_do_not()
    {
        var (exact, output) = await AgreementAsync();
        var (shifted, _) = await AgreementAsync("--shift-ms", "150");

        Assert.True(exact >= 0.75, output);
        Assert.True(shifted <= 0.35, $"shifted labels still agree {shifted:P0}");
    }

    [Fact]
    public async Task A_split_without_labelled_clips_is_a_one_line_error()
    {
        var stderr = new StringWriter();

        var code = await CommandLineRunner.InvokeAsync(Root(), ["corpus", "check-labels", "--cache", corpus.Cache, "--split", "test"], new StringWriter(), stderr);

        Assert.Equal(2, code);
        Assert.Contains("has no clip with phone labels", stderr.ToString(), StringComparison.Ordinal);
    }

    private async Task<(double Agreement, string Output)> AgreementAsync(params string[] extra)
    {
        var stdout = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(Root(), ["corpus", "check-labels", "--cache", corpus.Cache, "--split", "train", "--clips", "40", .. extra], stdout, new StringWriter());
        Assert.Equal(0, code);
        var match = Agreement().Match(stdout.ToString());
        Assert.True(match.Success, stdout.ToString());
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) / 100, stdout.ToString());
    }

    private static RootCommand Root() => new("test") { CorpusCommand.Create() };

    [GeneratedRegex(@"([0-9.]+) % inside their labelled span")]
    private static partial Regex Agreement();
}
