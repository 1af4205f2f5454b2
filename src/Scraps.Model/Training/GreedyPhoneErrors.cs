using Scraps.Phonetics.Lexicon;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// The validation's phone error rate of the CTC head: greedy decoding (best class a step, repeats merged, blanks dropped)
/// needs no beam or language model, so it measures the head alone.
/// </summary>
internal static class GreedyPhoneErrors
{
    /// <summary>Edit distance of each item's greedy decoding to its phones, summed, and the number of phones.</summary>
    public static (long Errors, long Phones) Count(Tensor logProbs, Tensor stepLengths, long[] targets, long[] targetLengths)
    {
        var best = logProbs.argmax(-1).cpu().data<long>().ToArray();
        var steps = stepLengths.cpu().data<long>().ToArray();
        var width = (int)logProbs.shape[1];
        long errors = 0, total = 0;
        var offset = 0;
        for (var b = 0; b < steps.Length; b++)
        {
            var decoded = new List<int>();
            long previous = 0;
            for (var t = 0; t < steps[b]; t++)
            {
                var c = best[(b * width) + t];
                if (c != 0 && c != previous)
                {
                    decoded.Add((int)c);
                }

                previous = c;
            }
            var target = targets.AsSpan(offset, (int)targetLengths[b]).ToArray().Select(x => (int)x).ToArray();
            offset += target.Length;
            errors += PhoneEditDistance.Compute(decoded.ToArray(), target);
            total += target.Length;
        }
        return (errors, total);
    }
}
