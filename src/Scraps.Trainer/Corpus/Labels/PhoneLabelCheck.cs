using Scraps.Audio;
using Scraps.Data;
using Scraps.Inference.Alignment;
using Scraps.Inference.Encoders;
using Scraps.Inference.Runtime;
using Scraps.Phonetics;

namespace Scraps.Trainer.Corpus.Labels;

/// <summary>
/// Checks a cache's frame labels (the synthesizer's phone times) against the audio: a model's CTC head, trained
/// without frame labels, force-aligns each labelled clip's phones, and a phone agrees when the middle of its aligned
/// steps falls inside its labelled span widened by a tolerance. An aligner that never saw the labels is an
/// independent witness: where both put a phone at the same place, the label is where the audio says it is.
/// </summary>
internal static class PhoneLabelCheck
{
    /// <param name="shiftSeconds">Moves every label by this much: a control that shows how much the agreement drops when labels are off.</param>
    public static PhoneLabelFigures Run(
        ScrapsModel model, FeatureCache cache, IReadOnlyList<CachedUtterance> clips, double toleranceSeconds, double shiftSeconds, CancellationToken cancellationToken)
    {
        var inventory = model.Inventory;
        var frameSeconds = model.Acoustic.FrameSeconds;
        var offsets = new List<double>();
        var agreeing = 0;
        var phones = 0;
        var unaligned = 0;
        var byVoice = new Dictionary<string, (int Agree, int Phones)>(StringComparer.Ordinal);
        foreach (var chunk in clips.Chunk(32))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var features = chunk.Select(c => Standardized(model, cache, c)).ToArray();
            var outputs = model.Acoustic.Encode(features, EncoderOutputs.PhoneLogProbs, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                var clip = chunk[i];
                var posteriors = outputs[i].PhoneLogProbs ?? throw new InvalidOperationException("the model has no CTC head to align with");
                var targets = clip.PhonemeIds.Where(id => IsPhone(inventory, id)).ToArray();
                var path = CtcForcedAligner.Align(posteriors.LogProbs, posteriors.Steps, posteriors.Classes, targets);
                if (path is null || clip.PhoneFrames is not { } spans || spans.Length != 2 * targets.Length)
                {
                    unaligned++;
                    continue;
                }

                var voice = VoiceGroup(clip.Voice);
                var (agreeVoice, phonesVoice) = byVoice.GetValueOrDefault(voice);
                for (var p = 0; p < targets.Length; p++)
                {
                    var aligned = path.Phones[p];
                    var middle = (aligned.StartStep + aligned.EndStep) / 2.0 * posteriors.StepSeconds;
                    var (start, end) = ((spans[2 * p] * frameSeconds) + shiftSeconds, (spans[(2 * p) + 1] * frameSeconds) + shiftSeconds);
                    var offset = middle < start ? start - middle : middle > end ? middle - end : 0;
                    offsets.Add(offset);
                    phones++;
                    phonesVoice++;
                    if (offset <= toleranceSeconds)
                    {
                        agreeing++;
                        agreeVoice++;
                    }
                }

                byVoice[voice] = (agreeVoice, phonesVoice);
            }
        }

        offsets.Sort();
        return new PhoneLabelFigures(
            clips.Count - unaligned, unaligned, phones, agreeing, toleranceSeconds,
            offsets.Count == 0 ? double.NaN : offsets[offsets.Count / 2],
            offsets.Count == 0 ? double.NaN : offsets[(int)(0.9 * (offsets.Count - 1))],
            byVoice.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value.Agree, v.Value.Phones)).ToArray());
    }

    private static bool IsPhone(PhonemeInventory inventory, int id) => id > 0 && id < inventory.Count && inventory[id].Kind == PhonemeKind.Phone;

    /// <summary>The engine and voice without its variant ("espeak-ng:en-us+m3" -> "espeak-ng:en-us").</summary>
    private static string VoiceGroup(string voice) => voice.Split('+')[0];

    private static LogMel Standardized(ScrapsModel model, FeatureCache cache, CachedUtterance clip)
    {
        var data = cache.ReadFeatures(clip.Index);
        model.Standardizer.ApplyInPlace(data);
        return new LogMel(data, clip.Frames);
    }
}

/// <summary>How often a cache's phone labels agree with an independent forced alignment.</summary>
/// <param name="Median">Median distance (s) from an aligned phone's middle to its labelled span (0 inside it).</param>
/// <param name="Percentile90">The 90th percentile of that distance.</param>
internal sealed record PhoneLabelFigures(
    int Clips, int Unaligned, int Phones, int Agreeing, double ToleranceSeconds, double Median, double Percentile90,
    IReadOnlyList<(string Voice, int Agreeing, int Phones)> ByVoice)
{
    public double Agreement => Phones == 0 ? double.NaN : (double)Agreeing / Phones;
}
