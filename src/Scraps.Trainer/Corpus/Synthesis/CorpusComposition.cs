using System.Text.Json.Nodes;
using Scraps.Data;
using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// What a built corpus holds, for corpus.json's "composition": clips and hours per split, synthesizer, voice, text
/// kind and text source, and the clips each augmentation was applied to, so its model card's table can be written
/// from the file alone.
/// </summary>
internal static class CorpusComposition
{
    /// <param name="clips">Each built clip's plan and its duration in seconds.</param>
    public static JsonObject Describe(IReadOnlyList<(ClipPlan Plan, double Seconds)> clips)
    {
        var total = Math.Max(1, clips.Count);
        return new JsonObject
        {
            ["clips"] = clips.Count,
            ["hours"] = Hours(clips),
            ["seconds"] = Durations(clips),
            ["splits"] = Group(clips, c => c.Plan.Split, group => new JsonObject
            {
                ["clips"] = group.Count,
                ["hours"] = Hours(group),
                ["synthesizers"] = Counts(group, c => c.Plan.Voice.Synthesizer),
                ["voices"] = group.Select(c => c.Plan.Voice.Id).Distinct().Count(),
                ["speakers"] = group.Select(c => SpeakerIdentity.Of(c.Plan.Voice)).Distinct().Count(),
                ["textKinds"] = Counts(group, c => c.Plan.Text.Kind),
            }),
            ["synthesizers"] = Group(clips, c => c.Plan.Voice.Synthesizer, group => new JsonObject
            {
                ["clips"] = group.Count,
                ["hours"] = Hours(group),
                ["voices"] = Counts(group, c => c.Plan.Voice.Name),
            }),
            ["voiceSplits"] = new JsonObject(clips.GroupBy(c => c.Plan.Split).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(
                g.Key,
                (JsonNode?)new JsonArray(g.Select(c => c.Plan.Voice.Id).Distinct().Order(StringComparer.Ordinal).Select(v => (JsonNode?)v).ToArray())))),
            ["textKinds"] = Group(clips, c => c.Plan.Text.Kind, group => new JsonObject
            {
                ["clips"] = group.Count,
                ["share"] = Math.Round((double)group.Count / total, 4),
                ["hours"] = Hours(group),
                ["seconds"] = Durations(group),
            }),
            ["textSources"] = new JsonObject(clips.SelectMany(c => c.Plan.Text.Sources.Distinct()).GroupBy(s => s)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count()))),
            ["augmentations"] = new JsonObject(AugmentationKinds.All.Select(kind =>
            {
                var applied = clips.Count(c => kind.Applied(c.Plan.Augmentation));
                return KeyValuePair.Create(kind.Name, (JsonNode?)new JsonObject
                {
                    ["clips"] = applied,
                    ["share"] = Math.Round((double)applied / total, 4),
                    ["trainClips"] = clips.Count(c => c.Plan.Split == DataSplits.Train && kind.Applied(c.Plan.Augmentation)),
                });
            })),
            ["noiseKinds"] = Counts(clips.Where(c => c.Plan.Augmentation.Noise is not null).ToList(), c => c.Plan.Augmentation.Noise!.Kind),
            ["codecs"] = Counts(clips.Where(c => c.Plan.Augmentation.Codec is not null).ToList(), c => c.Plan.Augmentation.Codec!.Format),
        };
    }

    private static JsonObject Group(IReadOnlyList<(ClipPlan Plan, double Seconds)> clips, Func<(ClipPlan Plan, double Seconds), string> key, Func<List<(ClipPlan Plan, double Seconds)>, JsonObject> describe) =>
        new(clips.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)describe(g.ToList()))));

    private static JsonObject Counts(IReadOnlyList<(ClipPlan Plan, double Seconds)> clips, Func<(ClipPlan Plan, double Seconds), string> key) =>
        new(clips.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, (JsonNode?)g.Count())));

    private static double Hours(IReadOnlyList<(ClipPlan Plan, double Seconds)> clips) => Math.Round(clips.Sum(c => c.Seconds) / 3600, 4);

    private static JsonObject Durations(IReadOnlyList<(ClipPlan Plan, double Seconds)> clips) => clips.Count == 0 ? [] : new JsonObject
    {
        ["mean"] = Math.Round(clips.Average(c => c.Seconds), 2),
        ["min"] = Math.Round(clips.Min(c => c.Seconds), 2),
        ["max"] = Math.Round(clips.Max(c => c.Seconds), 2),
        ["over10"] = clips.Count(c => c.Seconds > 10),
        ["over20"] = clips.Count(c => c.Seconds > 20),
        ["over25"] = clips.Count(c => c.Seconds > 25),
    };
}
