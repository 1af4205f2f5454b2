using Scraps.Phonetics.Timing;

namespace Scraps.Phonetics.Tests.Timing;

public class EspeakSpeakerTests
{
    private static readonly EspeakSpeaker Speaker = new();

    [Fact]
    public void An_en_us_voice_speaks_the_phones_its_G2P_writes_in_order_inside_the_clip()
    {
        const string text = "Hello world, this is a test.";
        var speech = Speaker.Speak("en-us+m3", text, 175, 50);
        using var phonemizer = new EspeakPhonemizer();
        var expected = phonemizer.Phonemize(text).Symbols.Where(s => s.Kind == PhonemeKind.Phone).Select(s => s.XSampa);

        Assert.Equal(22050, speech.SampleRate);
        Assert.NotNull(speech.Phones);
        Assert.Equal(expected, speech.Phones!.Select(p => p.Symbol.XSampa));
        var seconds = (double)speech.Samples.Length / speech.SampleRate;
        Assert.All(speech.Phones, p => Assert.InRange(p.Start, 0, p.End));
        Assert.All(speech.Phones, p => Assert.InRange(p.End, p.Start, seconds));
        Assert.All(speech.Phones.Zip(speech.Phones.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start + 1e-9));
        // The comma is a pause: a gap between "world" and "this".
        var d = speech.Phones.ToList().FindIndex(p => p.Symbol.XSampa == "d");
        Assert.True(speech.Phones[d + 1].Start - speech.Phones[d].End > 0.05);
    }

    [Fact]
    public void Speaking_faster_makes_the_phones_shorter()
    {
        var slow = Speaker.Speak("en-us", "The quick brown fox.", 120, 50);
        var fast = Speaker.Speak("en-us", "The quick brown fox.", 300, 50);

        Assert.True(fast.Phones!.Sum(p => p.Duration) < 0.7 * slow.Phones!.Sum(p => p.Duration));
    }

    [Fact]
    public void A_voice_whose_phones_the_inventory_lacks_gets_no_labels_and_names_them()
    {
        // en-gb says "go" with əʊ, which the en-us inventory has no token for.
        var speech = Speaker.Speak("en-gb", "Go home.", 175, 50);

        Assert.Null(speech.Phones);
        Assert.Contains(speech.UnknownPhones, u => u.Contains('ʊ'));
        Assert.NotEmpty(speech.Samples);
    }

    [Fact]
    public void Phone_times_round_trip_through_their_file_and_bad_lines_are_named()
    {
        var path = Path.Combine(Path.GetTempPath(), $"scraps-{Guid.NewGuid():N}.phones.tsv");
        try
        {
            var speech = Speaker.Speak("en-us", "Seven.", 175, 50);
            PhoneTimingFile.Write(path, speech.Phones!);
            var read = PhoneTimingFile.Read(path, PhonemeInventory.EnglishUs);
            Assert.Equal(speech.Phones!.Select(p => p.Symbol), read.Select(p => p.Symbol));
            Assert.All(read.Zip(speech.Phones!), x => Assert.Equal(x.Second.Start, x.First.Start, 4));

            File.WriteAllText(path, "0.1000\t0.2000\ts\n0.2000\t0.1500\tE\n");
            Assert.Contains(":2:", Assert.Throws<InvalidDataException>(() => PhoneTimingFile.Read(path, PhonemeInventory.EnglishUs)).Message);
            File.WriteAllText(path, "0.1000\t0.2000\t|,\n");
            Assert.Contains("not a phone", Assert.Throws<InvalidDataException>(() => PhoneTimingFile.Read(path, PhonemeInventory.EnglishUs)).Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
