using Scraps.Audio;
using Scraps.Phonetics;
using Scraps.Phonetics.Timing;

namespace Scraps.Data;

/// <summary>
/// A clip's phone times as frame labels for its transcript. The times label the transcript only when their phones
/// are the transcript's phones, in order (espeak-ng's en-us voices speak exactly what its G2P writes; another accent,
/// or a synthesizer with its own lexicon, often does not): then phone k of the transcript holds frames
/// [spans[2k], spans[2k+1]) of the log-mel (frame t is centred at t x 12.5 ms). Otherwise the clip has no labels:
/// a guess would teach the frame classifier wrong phones.
/// </summary>
public static class PhoneFrameSpans
{
    /// <summary>The spans, or null with why the times do not label this transcript.</summary>
    public static (int[]? Spans, string? Mismatch) Of(IReadOnlyList<TimedPhone> phones, IReadOnlyList<int> transcriptIds, PhonemeInventory inventory, int frames)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(transcriptIds);
        var transcriptPhones = transcriptIds.Where(id => id > 0 && id < inventory.Count && inventory[id].Kind == PhonemeKind.Phone).ToArray();
        if (transcriptPhones.Length != phones.Count)
        {
            return (null, $"{phones.Count} timed phones, {transcriptPhones.Length} in the transcript");
        }

        var spans = new int[2 * phones.Count];
        for (var k = 0; k < phones.Count; k++)
        {
            if (phones[k].Symbol.Id != transcriptPhones[k])
            {
                return (null, $"phone {k + 1} is '{phones[k].Symbol.XSampa}', the transcript has '{inventory[transcriptPhones[k]].XSampa}'");
            }

            var start = Math.Clamp((int)Math.Round(phones[k].Start / LogMel.FrameSeconds), 0, frames - 1);
            var end = Math.Clamp((int)Math.Round(phones[k].End / LogMel.FrameSeconds), start + 1, frames);
            spans[2 * k] = start;
            spans[(2 * k) + 1] = end;
        }

        return (spans, null);
    }
}
