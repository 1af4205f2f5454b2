namespace Scraps.Phonetics.Timing;

/// <summary>A phone of the inventory and where it sounds in a clip, in seconds from the clip's start (end exclusive).</summary>
public sealed record TimedPhone(PhonemeSymbol Symbol, double Start, double End)
{
    public double Duration => End - Start;

    /// <summary>The same phone with its times mapped (an augmentation that moves time: speed, tempo, padding).</summary>
    public TimedPhone Map(Func<double, double> time) => this with { Start = time(Start), End = time(End) };
}
