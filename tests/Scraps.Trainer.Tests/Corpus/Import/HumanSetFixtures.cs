using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Import;

/// <summary>
/// Tiny copies of the layouts of the human sets in shared/human-speech.md, with generated audio (tones), never their
/// recordings: the free spoken digit dataset, the wake-word benchmark, GCompris-voices and TESS.
/// </summary>
internal static class HumanSetFixtures
{
    /// <summary>Digits 0-2 by three speakers, 8 kHz, and one file whose name is not DIGIT_SPEAKER_N.</summary>
    public static string SpokenDigits(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "free-spoken-digit-dataset");
        var recordings = Path.Combine(root, "recordings");
        Directory.CreateDirectory(recordings);
        foreach (var speaker in new[] { "george", "jackson", "theo" })
        {
            for (var digit = 0; digit < 3; digit++)
            {
                CorpusFixtures.Wav(Path.Combine(recordings, $"{digit}_{speaker}_{digit + 10}.wav"), 8000);
            }
        }

        CorpusFixtures.Wav(Path.Combine(recordings, "notes.wav"), 8000);
        return root;
    }

    /// <summary>Two phrases, a WAV and a FLAC clip each, and a stray text file.</summary>
    public static async Task<string> WakeWordsAsync(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "wake-word-benchmark");
        foreach (var phrase in new[] { "alexa", "smart mirror" })
        {
            var audio = Path.Combine(root, "audio", phrase);
            Directory.CreateDirectory(audio);
            CorpusFixtures.Wav(Path.Combine(audio, "0b7c5d0e-1111.wav"), 16000);
            await ExternalProcess.RunAsync("sox", [Path.Combine(audio, "0b7c5d0e-1111.wav"), Path.Combine(audio, "104.flac")]);
        }

        File.WriteAllText(Path.Combine(root, "audio", "alexa", "notes.txt"), "not audio");
        return root;
    }

    /// <summary>Words (Art4Apps), letters and numbers with a README naming their speaker, and an intro folder left out.</summary>
    public static async Task<string> GComprisAsync(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "GCompris-voices");
        var words = Path.Combine(root, "en", "words");
        var alphabet = Path.Combine(root, "en", "alphabet");
        var intro = Path.Combine(root, "en", "intro");
        foreach (var path in new[] { words, alphabet, intro })
        {
            Directory.CreateDirectory(path);
        }

        foreach (var file in new[] { Path.Combine(words, "bat.ogg"), Path.Combine(words, "bath.ogg"), Path.Combine(alphabet, "U0062.ogg"),
                     Path.Combine(alphabet, "U0037.ogg"), Path.Combine(alphabet, "12.ogg"), Path.Combine(alphabet, "U2603.ogg"), Path.Combine(intro, "welcome.ogg") })
        {
            await OggAsync(file);
        }

        File.WriteAllText(Path.Combine(words, "README"), "The images and voices comes from the Art4Apps project\n");
        File.WriteAllText(Path.Combine(alphabet, "README"), "\uFEFFU0062.ogg\t\t\t\tJane Speaker 2011 / GPL\nU0037.ogg\t\t\t\tJane Speaker 2011 / GPL\n");
        return root;
    }

    /// <summary>Both speakers in the mirror's layout: emotion folders, and a testnew folder repeating one clip.</summary>
    public static string Tess(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "Toronto-emotional-speech-set", "datasets");
        var oaf = Path.Combine(root, "train", "OAF_angry");
        var yaf = Path.Combine(root, "train", "YAF_pleasant_surprised");
        var test = Path.Combine(root, "testnew");
        foreach (var path in new[] { oaf, yaf, test })
        {
            Directory.CreateDirectory(path);
        }

        CorpusFixtures.Wav(Path.Combine(oaf, "OAF_bean_angry.wav"), 24414);
        CorpusFixtures.Wav(Path.Combine(oaf, "OAF_keen_angry.wav"), 24414);
        CorpusFixtures.Wav(Path.Combine(yaf, "YAF_bean_ps.wav"), 24414);
        CorpusFixtures.Wav(Path.Combine(test, "751testOA_dime_neutral48.wav"), 24414);
        CorpusFixtures.Wav(Path.Combine(test, "12testOAF_keen_angry46.wav"), 24414);
        CorpusFixtures.Wav(Path.Combine(test, "readme.wav"), 24414);
        return Path.GetDirectoryName(root)!;
    }

    private static async Task OggAsync(string path)
    {
        var wav = Path.ChangeExtension(path, ".tmp.wav");
        CorpusFixtures.Wav(wav, 44100);
        await ExternalProcess.RunAsync("sox", [wav, path]);
        File.Delete(wav);
    }
}
