using System.Text.RegularExpressions;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Spontaneous-style text: a conversational sentence (from templates here) or a sentence of the text sources, with
/// one to three disfluencies of the kinds found in conversational transcripts: fillers ("uh", "um", "you know",
/// "I mean"), repeated words ("the the", "so so"), restarts ("we went to the, we went to the store"), and discourse
/// markers and tags ("so,", "well,", "right?"). A filler is set off by commas only sometimes: with commas both the
/// synthesizers and the phonemizer pause, without them neither does, so the transcript stays true to the audio.
/// </summary>
internal static partial class SpontaneousTextGenerator
{
    private static readonly string[] Fillers = ["uh", "um", "er", "uh", "um", "you know", "I mean", "like", "well", "sort of", "kind of", "hmm"];

    private static readonly string[] Openers = ["So", "Well", "Yeah", "Okay so", "Actually", "Honestly", "Oh", "Right", "Anyway", "And"];

    private static readonly string[] Tags = ["right?", "you know?", "or something.", "I guess.", "I think.", "or whatever.", "yeah."];

    private static readonly string[] Templates =
    [
        "I was thinking we could {activity} {when}.", "We should probably {task} before {event}.", "I don't really know what happened with the {thing}.",
        "It was kind of {adjective} to be honest.", "My {relative} said the {thing} was {adjective}.", "Did you ever get a chance to {activity}?",
        "I'm not sure if I can make it {when}.", "The thing is, the {thing} just stopped working.", "We went to the {place} and it was {adjective}.",
        "I have to {task} {when}, so I might be late.", "Can you tell me again where the {place} is?", "I think the {thing} is in the {room}.",
        "She told me that {relative} wants to {activity}.", "It took us about an hour to get to the {place}.", "I wanted to ask you about the {thing}.",
        "Let me check and call you back {when}.", "That was the best {meal} I've had in a long time.", "I tried to {task} but it didn't work.",
        "We could just stay home and {activity}.", "He said he would fix the {thing} {when}.", "Honestly I think it's going to be fine.",
        "I forgot to {task} again.", "They moved the {event} to {when}.", "There's a new {place} down the street from us.",
    ];

    private static readonly Dictionary<string, string[]> Slots = new(StringComparer.Ordinal)
    {
        ["activity"] = ["go for a walk", "watch a movie", "grab some lunch", "go to the beach", "visit your parents", "play some cards", "cook dinner"],
        ["when"] = ["tomorrow", "tonight", "this weekend", "next week", "on Friday", "later today", "in the morning"],
        ["task"] = ["finish the report", "clean the kitchen", "call the bank", "pick up the kids", "fix the car", "send that email", "pay the bills"],
        ["event"] = ["the meeting", "the party", "the game", "the wedding", "the trip", "the interview", "the concert"],
        ["thing"] = ["printer", "car", "washing machine", "laptop", "heater", "phone", "package", "bike", "fridge"],
        ["adjective"] = ["weird", "great", "really nice", "pretty expensive", "a bit strange", "crowded", "fine", "so loud"],
        ["relative"] = ["mom", "brother", "sister", "uncle", "grandmother", "cousin", "neighbor", "boss"],
        ["place"] = ["market", "park", "restaurant", "station", "office", "museum", "gym", "library"],
        ["room"] = ["kitchen", "garage", "bedroom", "basement", "car"],
        ["meal"] = ["pizza", "breakfast", "soup", "pasta", "burger", "cake"],
    };

    public const string TemplateSource = "generated:spontaneous";
    public const string DisfluencySource = "generated:disfluency";

    /// <summary>Disfluent text from a template (<see cref="TemplateSource"/>) or from <paramref name="sentence"/>.</summary>
    public static (string Text, IReadOnlyList<string> Sources) Generate(SeededRandom random, TextSentence? sentence)
    {
        var fromSource = sentence is not null && random.Chance(0.5);
        var basis = fromSource ? sentence!.Text : Slot().Replace(random.Pick(Templates), m => random.Pick(Slots[m.Groups[1].Value]));
        var text = Disfluent(basis, random);
        return (text, fromSource ? [sentence!.Source, DisfluencySource] : [TemplateSource]);
    }

    /// <summary>Applies one to three disfluencies (at least one filler, repetition or restart) to a sentence.</summary>
    internal static string Disfluent(string sentence, SeededRandom random)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && !IsPronounI(words[0]))
        {
            words[0] = char.ToLowerInvariant(words[0][0]) + words[0][1..];
        }

        var operations = random.Next(1, 4);
        for (var i = 0; i < operations; i++)
        {
            switch (random.Next(i == 0 ? 3 : 5))
            {
                case 0:
                    InsertFiller(words, random);
                    break;
                case 1:
                    Repeat(words, random);
                    break;
                case 2:
                    Restart(words, random);
                    break;
                case 3:
                    words.Insert(0, random.Pick(Openers) + (random.Chance(0.6) ? "," : string.Empty));
                    break;
                default:
                    Tag(words, random);
                    break;
            }
        }

        var text = string.Join(' ', words);
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static void InsertFiller(List<string> words, SeededRandom random)
    {
        var at = random.Next(0, words.Count);
        var filler = random.Pick(Fillers);
        if (random.Chance(0.5) && at > 0 && !EndsClause(words[at - 1]))
        {
            words[at - 1] += ",";
            words.Insert(at, filler + ",");
        }
        else
        {
            words.Insert(at, filler);
        }
    }

    private static void Repeat(List<string> words, SeededRandom random)
    {
        // Short words are the ones speakers repeat ("the the", "I I", "so so"); a clause-final word is never repeated.
        var candidates = Enumerable.Range(0, words.Count).Where(i => !EndsClause(words[i]) && words[i].Length <= 5).ToArray();
        if (candidates.Length == 0)
        {
            InsertFiller(words, random);
            return;
        }

        var at = random.Pick(candidates);
        words.Insert(at, words[at]);
    }

    private static void Restart(List<string> words, SeededRandom random)
    {
        // A false start: the first words, broken off, then the sentence again from its beginning.
        var length = Math.Min(words.Count - 1, random.Next(2, 5));
        if (length < 1 || words.Take(length).Any(EndsClause))
        {
            InsertFiller(words, random);
            return;
        }

        var broken = words.Take(length).ToList();
        broken[^1] += ",";
        if (random.Chance(0.4))
        {
            broken.Add(random.Pick(["I mean,", "uh,", "um,", "sorry,"]));
        }

        words.InsertRange(0, broken);
    }

    private static void Tag(List<string> words, SeededRandom random)
    {
        var last = words[^1];
        words[^1] = last.TrimEnd('.', '!', '?') + ",";
        words.Add(random.Pick(Tags));
    }

    private static bool EndsClause(string word) => word[^1] is ',' or '.' or '!' or '?' or ';' or ':';

    private static bool IsPronounI(string word) => word == "I" || word.StartsWith("I'", StringComparison.Ordinal);

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Slot();
}
