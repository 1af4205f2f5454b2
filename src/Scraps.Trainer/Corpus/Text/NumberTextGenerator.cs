using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Digits, numbers, years, dates, times, money and percentages, spelled out (see <see cref="NumberWords"/>), bare
/// ("four seven two, nine one one") or in a short carrier phrase ("My code is ..."), as users say them.
/// </summary>
internal static class NumberTextGenerator
{
    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Units = ["meters", "kilometers", "miles", "pounds", "kilos", "degrees", "minutes", "hours", "days", "percent", "feet", "inches"];

    private static readonly (string Kind, Func<SeededRandom, string> Bare, string[] Carriers)[] Generators =
    [
        ("digits", DigitString, ["My number is {0}.", "The code is {0}.", "Please enter {0}.", "It is {0}.", "Account {0}."]),
        ("cardinal", CardinalNumber, ["There were {0} of them.", "I counted {0}.", "We need {0} more.", "{0}."]),
        ("ordinal", OrdinalNumber, ["It is on the {0} floor.", "She came in {0}.", "Take the {0} left.", "The {0} one."]),
        ("year", r => NumberWords.Year(r.Next(1900, 2040)), ["It was built in {0}.", "Back in {0}.", "The class of {0}.", "{0}."]),
        ("date", Date, ["The meeting is on {0}.", "I was born on {0}.", "It is due {0}.", "{0}."]),
        ("time", Time, ["The train leaves at {0}.", "Wake me up at {0}.", "See you at {0}.", "It is {0}."]),
        ("money", Money, ["That will be {0}.", "It costs {0}.", "I paid {0}.", "{0}."]),
        ("measure", Measure, ["It is about {0}.", "We walked {0}.", "Only {0}.", "{0}."]),
    ];

    public static IReadOnlyList<string> Kinds { get; } = Generators.Select(g => g.Kind).ToArray();

    /// <summary>One utterance and its sub-kind (digits, cardinal, ordinal, year, date, time, money, measure).</summary>
    public static (string Text, string Kind) Generate(SeededRandom random)
    {
        var (kind, bare, carriers) = Generators[random.Next(Generators.Length)];
        var words = bare(random);
        var carrier = random.Pick(carriers);
        var text = random.Chance(0.5) ? Sentence(words) : string.Format(System.Globalization.CultureInfo.InvariantCulture, carrier, words);
        return (Capitalize(text), kind);
    }

    internal static string DigitString(SeededRandom random)
    {
        var groups = random.Next(3) + 1;
        var parts = new List<string>(groups);
        var zeroAsOh = random.Chance(0.5);
        for (var g = 0; g < groups; g++)
        {
            var length = random.Next(3) + 2;
            var digits = string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + random.Next(10))));
            parts.Add(NumberWords.Digits(digits, zeroAsOh));
        }

        return string.Join(", ", parts);
    }

    private static string CardinalNumber(SeededRandom random)
    {
        long n = random.Next(4) switch
        {
            0 => random.Next(20),
            1 => random.Next(100),
            2 => random.Next(10_000),
            _ => random.Next(10_000_000),
        };
        return NumberWords.Cardinal(n, withAnd: random.Chance(0.4));
    }

    private static string OrdinalNumber(SeededRandom random) => NumberWords.Ordinal(random.Chance(0.7) ? random.Next(31) + 1 : random.Next(200) + 1);

    private static string Date(SeededRandom random)
    {
        var month = random.Pick(Months);
        var day = NumberWords.Ordinal(random.Next(28) + 1);
        return random.Next(4) switch
        {
            0 => $"{month} {day}",
            1 => $"the {day} of {month}",
            2 => $"{random.Pick(Days)}, {month} {day}",
            _ => $"{month} {day}, {NumberWords.Year(random.Next(1950, 2040))}",
        };
    }

    private static string Time(SeededRandom random)
    {
        var hour = random.Next(12) + 1;
        var minute = random.Next(12) * 5;
        var h = NumberWords.Cardinal(hour);
        var time = random.Next(6) switch
        {
            0 => $"{h} o'clock",
            1 => minute == 0 ? $"{h} o'clock" : minute < 10 ? $"{h} oh {NumberWords.Cardinal(minute)}" : $"{h} {NumberWords.Cardinal(minute)}",
            2 => $"half past {h}",
            3 => random.Chance(0.5) ? $"quarter past {h}" : $"quarter to {h}",
            4 => minute is 0 or 30 ? $"{h} thirty" : $"{NumberWords.Cardinal(minute)} past {h}",
            _ => random.Chance(0.5) ? "noon" : "midnight",
        };
        return time is "noon" or "midnight" ? time : time + random.Pick(["", "", " in the morning", " in the afternoon", " in the evening", " tonight"]);
    }

    private static string Money(SeededRandom random)
    {
        var amount = random.Chance(0.5) ? random.Next(100) + 1 : random.Next(5000) + 1;
        var dollars = $"{NumberWords.Cardinal(amount)} {(amount == 1 ? "dollar" : "dollars")}";
        var cents = random.Next(100);
        return random.Next(3) switch
        {
            0 when cents > 0 => $"{dollars} and {NumberWords.Cardinal(cents)} {(cents == 1 ? "cent" : "cents")}",
            1 => $"{NumberWords.Cardinal(amount)} {random.Pick(["pounds", "euros", "dollars"])}",
            _ => dollars,
        };
    }

    private static string Measure(SeededRandom random)
    {
        var whole = NumberWords.Cardinal(random.Next(200));
        var value = random.Chance(0.3) ? $"{whole} point {NumberWords.Cardinal(random.Next(10))}" : whole;
        return $"{value} {random.Pick(Units)}";
    }

    private static string Sentence(string words) => words + ".";

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
