using System.CommandLine;
using Scraps.Shared;
using Scraps.Trainer.Corpus;

namespace Scraps.Trainer.Tests.Corpus;

public class CorpusCommandTests
{
    [Fact]
    public void Offers_synth_import_merge_check_labels_and_features() =>
        Assert.Equal(["synth", "import", "merge", "check-labels", "features"], CorpusCommand.Create().Subcommands.Select(c => c.Name));

    [Theory]
    [InlineData("corpus synth --out {0} --clips 0 --no-fortunes --text {1}", "--clips")]
    [InlineData("corpus synth --out {0} --synths espeak-ng,mbrola --text {1}", "mbrola")]
    [InlineData("corpus synth --out {0} --synth-weights flite --text {1}", "--synth-weights")]
    [InlineData("corpus synth --out {0} --reverb 1.5 --text {1}", "--reverb")]
    [InlineData("corpus synth --out {0} --reverb abc --text {1}", "--reverb")]
    [InlineData("corpus synth --out {0} --text-kinds poetry=1 --text {1}", "poetry")]
    [InlineData("corpus synth --out {0} --codecs wma --text {1}", "--codecs")]
    [InlineData("corpus synth --out {0} --test-voices flite:nobody --no-fortunes --text {1}", "flite:nobody")]
    [InlineData("corpus synth --out {0} --test-synth festival --text {1}", "--test-synth")]
    [InlineData("corpus import --input {0}/missing --out {0}/m.jsonl", "not found")]
    [InlineData("corpus features --manifest {0}/missing.jsonl --out {0}/cache --threads 0", "--threads")]
    public async Task Bad_input_exits_2_with_a_one_line_error(string arguments, string expected)
    {
        using var folder = new TempFolder();
        var text = folder.Write("t.txt", "A plain sentence to speak.\n");
        var (code, error) = await RunAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, folder.Path, text));
        Assert.Equal(CommandLineRunner.InputError, code);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    internal static async Task<(int Code, string Error)> RunAsync(string arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(CorpusCommand.Create());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CommandLineRunner.InvokeAsync(root, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr);
        return (code, stderr.ToString());
    }
}
