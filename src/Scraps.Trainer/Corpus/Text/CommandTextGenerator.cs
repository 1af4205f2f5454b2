using System.Text.RegularExpressions;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Short commands as people say them to phones, assistants and apps: templates with slots ({room}, {name},
/// {number}...), filled from small vocabularies here and from the name list. Every word is plain English that
/// espeak-ng, flite and festival read alike.
/// </summary>
internal static partial class CommandTextGenerator
{
    private static readonly string[] Templates =
    [
        "Turn {onoff} the {room} lights.", "Turn the {device} {onoff}.", "Set a timer for {number} minutes.", "Set an alarm for {time}.",
        "Call {name}.", "Call {name} on speaker.", "Send a message to {name}.", "Text {name} that I am running late.",
        "Play some {genre} music.", "Play the next song.", "Pause the music.", "Skip this song.", "Turn the volume {updown}.",
        "What is the weather like {when}?", "Will it rain {when}?", "Remind me to {task} {when}.", "Add {item} to my shopping list.",
        "Navigate to {place}.", "How long does it take to get to {place}?", "Open the {app}.", "Close the {app}.", "Take a picture.",
        "Read my messages.", "Lock the front door.", "Set the temperature to {number} degrees.", "Start a {number} minute workout.",
        "Cancel that.", "Stop.", "Go back.", "Yes, please.", "No, thank you.", "Never mind.", "Repeat that.", "Next.", "Help.",
        "Show me the {room} camera.", "Dim the {room} lights to {number} percent.", "What time is it?", "What is on my calendar {when}?",
        "Find a {shop} near me.", "Book a table for {small} at {time}.", "Answer the call.", "Hang up.", "Mute the microphone.",
    ];

    private static readonly Dictionary<string, string[]> Slots = new(StringComparer.Ordinal)
    {
        ["onoff"] = ["on", "off"],
        ["updown"] = ["up", "down"],
        ["room"] = ["kitchen", "bedroom", "living room", "bathroom", "office", "hallway", "garage", "garden"],
        ["device"] = ["heater", "fan", "television", "radio", "coffee machine", "air conditioner", "oven"],
        ["genre"] = ["jazz", "rock", "classical", "country", "folk", "piano", "dance", "relaxing"],
        ["when"] = ["today", "tomorrow", "tonight", "this weekend", "on Monday", "next week", "in the morning", "this afternoon"],
        ["task"] = ["call my mother", "buy milk", "water the plants", "pay the rent", "take my medicine", "feed the cat", "book a doctor"],
        ["item"] = ["eggs", "bread", "apples", "coffee", "rice", "butter", "tomatoes", "dish soap", "orange juice"],
        ["place"] = ["the airport", "the train station", "the nearest hospital", "the city center", "the library", "work", "home"],
        ["app"] = ["camera", "calendar", "settings", "music player", "email", "maps", "calculator"],
        ["shop"] = ["pharmacy", "bakery", "gas station", "coffee shop", "supermarket", "bank"],
        ["small"] = ["two", "three", "four", "five", "six"],
    };

    /// <param name="names">First names to fill {name} with (from the name list; a few built-in ones when it is empty).</param>
    public static string Generate(SeededRandom random, IReadOnlyList<string> names)
    {
        var template = random.Pick(Templates);
        return Slot().Replace(template, match => match.Groups[1].Value switch
        {
            "name" => names.Count > 0 ? random.Pick(names) : random.Pick(["Anna", "David", "Maria", "James", "Mom", "Dad"]),
            "number" => NumberWords.Cardinal(random.Next(1, 60)),
            "time" => $"{NumberWords.Cardinal(random.Next(1, 13))}{random.Pick([" o'clock", " thirty", " fifteen", " forty-five"])}",
            var slot => random.Pick(Slots[slot]),
        });
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Slot();
}
