using Scraps.Audio;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Import;

/// <summary>Tiny corpora in the LJSpeech, LibriSpeech and Common Voice layouts, with real (short) audio files.</summary>
internal static class CorpusFixtures
{
    public static string LjSpeech(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "LJSpeech-1.1");
        Directory.CreateDirectory(Path.Combine(root, "wavs"));
        Wav(Path.Combine(root, "wavs", "LJ001-0001.wav"), 22050);
        Wav(Path.Combine(root, "wavs", "LJ001-0002.wav"), 22050);
        File.WriteAllText(Path.Combine(root, "metadata.csv"), """
            LJ001-0001|Printing, in the only sense with which we are at present concerned, differs from most arts.|Printing, in the only sense with which we are at present concerned, differs from most arts.
            LJ001-0002|in being comparatively modern, 1 time.|in being comparatively modern, one time.
            LJ001-0003|this line's audio is missing.|this line's audio is missing.
            broken line without separators

            """);
        return root;
    }

    public static async Task<string> LibriSpeechAsync(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "LibriSpeech");
        var train = Path.Combine(root, "train-clean-100", "19", "198");
        var dev = Path.Combine(root, "dev-clean", "84", "121123");
        Directory.CreateDirectory(train);
        Directory.CreateDirectory(dev);
        await FlacAsync(Path.Combine(train, "19-198-0000.flac"));
        File.Copy(Path.Combine(train, "19-198-0000.flac"), Path.Combine(train, "19-198-0001.flac"));
        File.Copy(Path.Combine(train, "19-198-0000.flac"), Path.Combine(dev, "84-121123-0000.flac"));
        File.WriteAllText(Path.Combine(train, "19-198.trans.txt"), "19-198-0000 NORTHANGER ABBEY AND I THINK SO\n19-198-0001 I'M HERE\n19-198-0002 MISSING AUDIO LINE\n");
        File.WriteAllText(Path.Combine(dev, "84-121123.trans.txt"), "84-121123-0000 GO DO YOU HEAR\n");
        return root;
    }

    public static async Task<string> CommonVoiceAsync(TempFolder folder)
    {
        var root = Path.Combine(folder.Path, "cv-corpus", "en");
        Directory.CreateDirectory(Path.Combine(root, "clips"));
        await Mp3Async(Path.Combine(root, "clips", "common_voice_en_1.mp3"));
        File.Copy(Path.Combine(root, "clips", "common_voice_en_1.mp3"), Path.Combine(root, "clips", "common_voice_en_2.mp3"));
        File.Copy(Path.Combine(root, "clips", "common_voice_en_1.mp3"), Path.Combine(root, "clips", "common_voice_en_3.mp3"));
        const string header = "client_id\tpath\tsentence_id\tsentence\tsentence_domain\tup_votes\tdown_votes\tage\tgender\taccents\tvariant\tlocale\tsegment";
        File.WriteAllText(Path.Combine(root, "train.tsv"), $"{header}\nabc123\tcommon_voice_en_1.mp3\ts1\tHello from the train split.\t\t2\t0\t\t\t\t\ten\t\nabc123\tcommon_voice_en_9.mp3\ts9\tMissing clip.\t\t2\t0\t\t\t\t\ten\t\n");
        File.WriteAllText(Path.Combine(root, "dev.tsv"), $"{header}\ndef456\tcommon_voice_en_2.mp3\ts2\tA dev sentence.\t\t2\t0\t\t\t\t\ten\t\n");
        File.WriteAllText(Path.Combine(root, "test.tsv"), $"{header}\nghi789\tcommon_voice_en_3.mp3\ts3\tA test sentence.\t\t2\t0\t\t\t\t\ten\t\n");
        File.WriteAllText(Path.Combine(root, "validated.tsv"), $"{header}\n");
        return root;
    }

    public static void Wav(string path, int rate)
    {
        var samples = new float[rate / 4];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = 0.3f * MathF.Sin(2 * MathF.PI * 220 * i / rate);
        }

        WavWriter.WritePcm16(path, samples, rate);
    }

    private static async Task FlacAsync(string path)
    {
        var wav = Path.ChangeExtension(path, ".tmp.wav");
        Wav(wav, 16000);
        await ExternalProcess.RunAsync("sox", [wav, path]);
        File.Delete(wav);
    }

    private static async Task Mp3Async(string path)
    {
        var wav = Path.ChangeExtension(path, ".tmp.wav");
        Wav(wav, 48000);
        await ExternalProcess.RunAsync("ffmpeg", ["-nostdin", "-loglevel", "error", "-y", "-i", wav, "-c:a", "libmp3lame", "-b:a", "32k", path]);
        File.Delete(wav);
    }
}
