using System.CommandLine;
using Scraps.Phonetics;
using Scraps.Shared;

namespace Scraps.Cli;

/// <summary>
/// <c>scraps phonemize "text" [--ipa] [--voice en-us]</c>: the phoneme tokens espeak-ng gives for a text (the model's
/// input), space-separated on one line: X-SAMPA by default (what /v1/score accepts as "phonemes"), IPA with --ipa.
/// </summary>
internal static class PhonemizeCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("text") { Description = "Text to convert (quote it)" };
        var ipa = new Option<bool>("--ipa") { Description = "Print IPA instead of X-SAMPA" };
        var voice = new Option<string>("--voice") { Description = "espeak-ng voice or language", DefaultValueFactory = _ => "en-us" };

        var command = new Command("phonemize", "Print the phoneme tokens of a text (X-SAMPA, space-separated)") { text, ipa, voice };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(text),
            parseResult.GetValue(ipa),
            parseResult.GetValue(voice) ?? "en-us",
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string text, bool ipa, string voice, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            using var phonemizer = new EspeakPhonemizer(new EspeakOptions { Voice = voice });
            var sequence = phonemizer.Phonemize(text);
            stdout.WriteLine(ipa ? sequence.ToIpa() : sequence.ToXSampa());
            return 0;
        }
        catch (PhonemeInputException e)
        {
            // Empty, too long or unspeakable text, an unknown voice, phones outside the inventory: the user's input.
            stderr.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return CommandLineRunner.InputError;
        }
    }
}
