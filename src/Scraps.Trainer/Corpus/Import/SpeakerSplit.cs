using System.Security.Cryptography;
using System.Text;
using Scraps.Data;

namespace Scraps.Trainer.Corpus.Import;

/// <summary>
/// Puts whole speakers into train, valid and test, so that no held-out voice is heard in training: the speakers in a
/// fixed order (by a hash of their names, so adding a speaker does not reshuffle the rest), the last one to test, the one
/// before to valid, the others to train. With two speakers there is no valid speaker (train and test), or for a set
/// that may not train (an importer's <c>EvaluationOnly</c>) no train speaker (valid and test); one speaker goes to
/// the split named by <c>single</c>.
/// </summary>
internal static class SpeakerSplit
{
    /// <summary>The split of every speaker.</summary>
    public static IReadOnlyDictionary<string, string> Assign(IEnumerable<string> speakers, bool evaluationOnly, string single)
    {
        var ordered = speakers.Distinct(StringComparer.Ordinal).OrderBy(Key, StringComparer.Ordinal).ToArray();
        var splits = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Length; i++)
        {
            var fromEnd = ordered.Length - 1 - i;
            splits[ordered[i]] = (ordered.Length, fromEnd, evaluationOnly) switch
            {
                (1, _, _) => single,
                (_, 0, _) => DataSplits.Test,
                (2, 1, false) => DataSplits.Train,
                (_, 1, _) => DataSplits.Valid,
                (_, _, true) => DataSplits.Valid,
                _ => DataSplits.Train,
            };
        }

        return splits;
    }

    /// <summary>
    /// The split of a clip whose speaker is unknown, from a hash of its id: <paramref name="validShare"/> and
    /// <paramref name="testShare"/> of the clips. A speaker may then be heard in more than one split (the import says so).
    /// </summary>
    public static string ByClip(string id, double validShare, double testShare)
    {
        var unit = Unit(id);
        return unit < testShare ? DataSplits.Test : unit < testShare + validShare ? DataSplits.Valid : DataSplits.Train;
    }

    private static string Key(string speaker) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(speaker)));

    private static double Unit(string id) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0) / (double)ulong.MaxValue;
}
