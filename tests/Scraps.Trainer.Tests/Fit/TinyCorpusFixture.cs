using System.CommandLine;
using System.Diagnostics;
using Scraps.Shared;
using Scraps.Trainer.Corpus;

namespace Scraps.Trainer.Tests.Fit;

/// <summary>
/// A tiny synthetic corpus and its feature cache, built once for the fit tests through the real commands:
/// 40 espeak-ng clips of 40 different sentences (no augmentation), one accent held out for validation.
/// </summary>
public sealed class TinyCorpusFixture : IDisposable
{
    public const int Clips = 40;

    public static readonly string[] Sentences =
    [
        "The old lighthouse keeper climbed the stairs every night.",
        "A small boat drifted slowly toward the rocky shore.",
        "She painted the kitchen walls a bright shade of yellow.",
        "The children built a castle out of wet sand.",
        "Heavy rain flooded the narrow streets of the village.",
        "My brother forgot his umbrella on the morning train.",
        "The baker pulled fresh bread from the hot oven.",
        "A curious fox watched us from behind the hedge.",
        "We walked along the river until the sun went down.",
        "The library closes early on the first day of winter.",
        "He tuned the guitar before the concert began.",
        "Thick fog covered the valley for most of the day.",
        "The farmer counted his sheep twice before dinner.",
        "Please close the window when the wind picks up.",
        "Our neighbor grows tomatoes and beans in her garden.",
        "The train to the coast leaves in ten minutes.",
        "A gentle breeze carried the smell of pine trees.",
        "The teacher wrote a long question on the board.",
        "They found an ancient coin buried in the field.",
        "The museum shows paintings from many different centuries.",
        "My grandmother knits warm sweaters for the whole family.",
        "The cat slept all afternoon in a patch of sunlight.",
        "Bright lanterns hung above the crowded market square.",
        "The pilot announced that we would land very soon.",
        "A quiet student raised her hand to ask a question.",
        "The mountain path was steep and covered with loose stones.",
        "Fresh snow muffled every sound in the sleeping town.",
        "He repaired the broken fence with a hammer and nails.",
        "The orchestra played a slow and beautiful melody.",
        "We watched the fireworks light up the evening sky.",
        "The soup needs a little more salt and pepper.",
        "An owl called softly from the dark forest.",
        "The river was too cold for swimming in April.",
        "She carefully wrapped the fragile vase in paper.",
        "A bright red kite danced high above the meadow.",
        "The doctor asked him to breathe slowly and deeply.",
        "Waves crashed against the harbor wall all night.",
        "The bakery on the corner sells delicious apple pies.",
        "He lost his keys somewhere between the car and the door.",
        "The garden gate creaked loudly in the wind.",
    ];

    public TinyCorpusFixture()
    {
        Root = Directory.CreateTempSubdirectory("scraps-fit-").FullName;
        var text = Path.Combine(Root, "sentences.txt");
        File.WriteAllLines(text, Sentences);
        var clock = Stopwatch.StartNew();
        Run($"corpus synth --out {Root}/corpus --clips {Clips} --no-fortunes --text {text} --synths espeak-ng --no-augment " +
            "--valid-share 0.2 --valid-voices espeak-ng:en-029 --test-voices none --text-kinds sentence=1 --seed 3 -j 2");
        Run($"corpus features --manifest {Root}/corpus/manifest.jsonl --out {Root}/cache --threads 2");
        BuildTime = clock.Elapsed;
        Cache = Path.Combine(Root, "cache");
    }

    public string Root { get; }

    public string Cache { get; }

    public TimeSpan BuildTime { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static void Run(string arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(CorpusCommand.Create());
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLineRunner.InvokeAsync(root, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), stdout, stderr).GetAwaiter().GetResult();
        if (code != 0)
        {
            throw new InvalidOperationException($"'{arguments}' failed with {code}: {stderr}{stdout}");
        }
    }
}
