namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Matches voice ids ("engine:voice") against patterns with '*' wildcards. A pattern with no '+' and no
/// trailing '*' also matches the voice's variants: "espeak-ng:en-029" matches "espeak-ng:en-029+f2", and
/// "flite:rms" matches "flite:rms". "espeak-ng:*+m3" matches variant m3 of every accent.
/// </summary>
internal static class VoicePattern
{
    public static bool Matches(string pattern, string voiceId)
    {
        if (Glob(pattern, 0, voiceId, 0))
        {
            return true;
        }

        return !pattern.Contains('+', StringComparison.Ordinal) && !pattern.EndsWith('*') && Glob(pattern + "+*", 0, voiceId, 0);
    }

    private static bool Glob(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            if (pattern[p] == '*')
            {
                for (var skip = t; skip <= text.Length; skip++)
                {
                    if (Glob(pattern, p + 1, text, skip))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || char.ToLowerInvariant(pattern[p]) != char.ToLowerInvariant(text[t]))
            {
                return false;
            }

            p++;
            t++;
        }

        return t == text.Length;
    }
}
