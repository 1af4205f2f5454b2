using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// One logit per pair from the matching head's per-phone logits: a soft minimum (-ln Σ e^-x) over the phone tokens, so
/// that a single unsupported phone pulls the pair down, as it should for a near miss.
/// </summary>
internal static class MatchingPairLogits
{
    /// <param name="isPhone">Per token id: is it a phone (null: every non-padding token counts).</param>
    public static IEnumerable<double> SoftMinimum(Tensor logits, Tensor ids, bool[]? isPhone)
    {
        var values = logits.cpu().data<float>().ToArray();
        var tokens = ids.cpu().data<long>().ToArray();
        var width = (int)logits.shape[1];
        for (var row = 0; row < logits.shape[0]; row++)
        {
            var phones = Enumerable.Range(0, width)
                .Where(t => tokens[(row * width) + t] is var id && id > 0 && (isPhone is null || (id < isPhone.Length && isPhone[id])))
                .Select(t => (double)values[(row * width) + t])
                .ToArray();
            if (phones.Length == 0)
            {
                continue;
            }

            var min = phones.Min();
            yield return min - Math.Log(phones.Sum(v => Math.Exp(-(v - min))));
        }
    }
}
