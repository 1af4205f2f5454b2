namespace Scraps.Trainer.Corpus.Text;

/// <summary>
/// Spells numbers as they are spoken. Generated text never contains digits: espeak-ng, flite and festival expand
/// "1999" or "105" differently (a year or a count, with or without "and", by accent), so a digit in the transcript
/// would let the phonemes the model learns from disagree with the audio.
/// </summary>
internal static class NumberWords
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Scales = ["", "thousand", "million", "billion"];

    /// <summary>"three hundred twelve", or with <paramref name="withAnd"/> "three hundred and twelve".</summary>
    public static string Cardinal(long n, bool withAnd = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(n, 1_000_000_000_000L);
        if (n == 0)
        {
            return Ones[0];
        }

        var groups = new List<string>();
        for (var scale = 0; n > 0; scale++, n /= 1000)
        {
            var group = (int)(n % 1000);
            if (group > 0)
            {
                var words = BelowThousand(group, withAnd);
                groups.Insert(0, scale == 0 ? words : $"{words} {Scales[scale]}");
            }
        }

        return string.Join(' ', groups);
    }

    /// <summary>"first", "twenty-second", "one hundred third".</summary>
    public static string Ordinal(long n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var cardinal = Cardinal(n);
        var cut = Math.Max(cardinal.LastIndexOf(' '), cardinal.LastIndexOf('-')) + 1;
        var last = cardinal[cut..];
        var ordinal = last switch
        {
            "one" => "first",
            "two" => "second",
            "three" => "third",
            "five" => "fifth",
            "eight" => "eighth",
            "nine" => "ninth",
            "twelve" => "twelfth",
            _ when last.EndsWith('y') => last[..^1] + "ieth",
            _ => last + "th",
        };
        return cardinal[..cut] + ordinal;
    }

    /// <summary>A year as said: "nineteen eighty-four", "two thousand nine", "twenty twenty-four", "nineteen oh five".</summary>
    public static string Year(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2099);
        var (high, low) = (year / 100, year % 100);
        if (year is >= 2000 and < 2010)
        {
            return Cardinal(year);
        }

        return low switch
        {
            0 => $"{Cardinal(high)} hundred",
            < 10 => $"{Cardinal(high)} oh {Ones[low]}",
            _ => $"{Cardinal(high)} {Cardinal(low)}",
        };
    }

    /// <summary>Each digit as a word; 0 as "oh" or "zero".</summary>
    public static string Digits(string digits, bool zeroAsOh)
    {
        var words = new List<string>(digits.Length);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException($"not a digit: '{c}'", nameof(digits));
            }

            words.Add(c == '0' && zeroAsOh ? "oh" : Ones[c - '0']);
        }

        return string.Join(' ', words);
    }

    private static string BelowThousand(int n, bool withAnd)
    {
        var parts = new List<string>(3);
        if (n >= 100)
        {
            parts.Add($"{Ones[n / 100]} hundred");
            n %= 100;
            if (n > 0 && withAnd)
            {
                parts.Add("and");
            }
        }

        if (n >= 20)
        {
            parts.Add(n % 10 == 0 ? Tens[n / 10] : $"{Tens[n / 10]}-{Ones[n % 10]}");
        }
        else if (n > 0)
        {
            parts.Add(Ones[n]);
        }

        return string.Join(' ', parts);
    }
}
