using Scraps.Phonetics;
using Scraps.Phonetics.Timing;

namespace Scraps.Data.Tests;

public class PhoneFrameSpansTests
{
    private static readonly PhonemeInventory Inventory = PhonemeInventory.EnglishUs;

    private static PhonemeSymbol X(string xsampa) => Inventory.TryGetByXSampa(xsampa, out var s) ? s : throw new ArgumentException(xsampa);

    // "sit", "#", "on": s I t # A: n, with stress and a boundary that have no time of their own.
    private static readonly int[] Transcript = [X("s").Id, X("\"").Id, X("I").Id, X("t").Id, X("#").Id, X("A:").Id, X("n").Id];

    [Fact]
    public void Times_of_the_transcripts_own_phones_become_frame_spans_at_12_5_ms()
    {
        TimedPhone[] phones = [new(X("s"), 0.10, 0.20), new(X("I"), 0.20, 0.25), new(X("t"), 0.25, 0.30), new(X("A:"), 0.40, 0.52), new(X("n"), 0.52, 0.52)];

        var (spans, mismatch) = PhoneFrameSpans.Of(phones, Transcript, Inventory, frames: 60);

        Assert.Null(mismatch);
        Assert.Equal([8, 16, 16, 20, 20, 24, 32, 42, 42, 43], spans!);
    }

    [Fact]
    public void Times_of_other_phones_label_nothing_and_say_where_they_differ()
    {
        TimedPhone[] accent = [new(X("s"), 0.1, 0.2), new(X("I"), 0.2, 0.25), new(X("t"), 0.25, 0.3), new(X("O:"), 0.4, 0.5), new(X("n"), 0.5, 0.6)];
        TimedPhone[] missing = [new(X("s"), 0.1, 0.2), new(X("I"), 0.2, 0.25)];

        var (spans, why) = PhoneFrameSpans.Of(accent, Transcript, Inventory, 60);
        Assert.Null(spans);
        Assert.Contains("phone 4", why);
        Assert.Null(PhoneFrameSpans.Of(missing, Transcript, Inventory, 60).Spans);
    }
}
