using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Corpus.Augmentation;

/// <summary>
/// Room impulse responses by the image-source method (Allen and Berkley 1979) for a shoebox room: every reflection
/// path from talker to microphone is a mirror image of the talker, delayed by its distance over the speed of sound
/// and attenuated by 1/distance and by the walls' reflection coefficient once per wall it crosses. The walls'
/// absorption comes from the plan's RT60 through Sabine's formula, so the drawn RT60 is the room's. Image delays get
/// a random jitter of up to 0.25 ms (randomised image sources, De Sena et al. 2015), which removes the "sweeping
/// echoes" of a perfectly regular lattice, and the response is high-passed at 80 Hz as in Allen and Berkley's
/// method, since frequency-independent walls otherwise leave a DC offset no real room has.
/// Written here because no .NET library does it (pyroomacoustics, the usual choice, is Python). Cost: the number of
/// images grows with (c RT60)^3 / volume, about 0.3 M for a 6 x 4 x 3 m room at RT60 0.5 s; late images (after 50 ms)
/// get a linear-interpolation delay instead of the 16-tap sinc, which keeps a response to tens of milliseconds.
/// </summary>
internal static class RoomImpulseResponse
{
    public const double SpeedOfSound = 343;

    /// <summary>Images arriving within this time of the direct sound get an exact fractional delay (windowed sinc).</summary>
    private const double EarlySeconds = 0.05;
    private const int SincHalfWidth = 8;
    private const double JitterSeconds = 0.00025;
    private const double MinWallDistance = 0.25;

    /// <summary>
    /// Wall absorption (energy) that gives <paramref name="rt60"/> by Sabine's formula, RT60 = 0.161 V / (S a), as
    /// pyroomacoustics' inverse_sabine does. Eyring's formula, the better one for a diffuse field, gave image-source
    /// rooms longer decays than planned (a 9 x 7 x 3.5 m room planned at 0.8 s measured 1.01 s by Schroeder T20): a
    /// shoebox's image field is not diffuse, and Sabine's larger absorption offsets that (within 20%, see the tests).
    /// </summary>
    public static double Absorption(double length, double width, double height, double rt60)
    {
        var volume = length * width * height;
        var surface = 2 * ((length * width) + (length * height) + (width * height));
        return Math.Clamp(0.161 * volume / (surface * rt60), 0.01, 0.99);
    }

    /// <summary>The talker and microphone positions of a plan: the microphone anywhere at least 0.25 m from the walls,
    /// the talker at <see cref="RoomPlan.MicDistance"/> from it in a random direction (closer if the room is too small).</summary>
    public static (double[] Talker, double[] Mic) Positions(RoomPlan room)
    {
        var random = new SeededRandom((ulong)room.Seed);
        double[] size = [room.Length, room.Width, room.Height];
        var mic = size.Select(s => random.Uniform(MinWallDistance, s - MinWallDistance)).ToArray();
        for (var distance = room.MicDistance; ; distance *= 0.8)
        {
            for (var attempt = 0; attempt < 32; attempt++)
            {
                var direction = new[] { random.Gaussian(), random.Gaussian(), random.Gaussian() * 0.3 };
                var norm = Math.Sqrt(direction.Sum(d => d * d));
                var talker = mic.Select((m, i) => m + (distance * direction[i] / norm)).ToArray();
                if (talker.Select((t, i) => t >= MinWallDistance && t <= size[i] - MinWallDistance).All(x => x))
                {
                    return (talker, mic);
                }
            }
        }
    }

    /// <summary>The impulse response, RT60 long (at most 1 s), with the direct sound at its distance's delay.</summary>
    public static float[] Generate(RoomPlan room, int sampleRate)
    {
        var (talker, mic) = Positions(room);
        var beta = Math.Sqrt(1 - Absorption(room.Length, room.Width, room.Height, room.Rt60));
        var seconds = Math.Min(room.Rt60, 1.0);
        var length = (int)(seconds * sampleRate) + SincHalfWidth + 1;
        var maxDistance = seconds * SpeedOfSound;
        double[] size = [room.Length, room.Width, room.Height];
        var axes = Enumerable.Range(0, 3).Select(a => AxisImages(talker[a], mic[a], size[a], maxDistance)).ToArray();
        var maxReflections = axes.Sum(a => a.Max(i => i.Reflections));
        var gains = Enumerable.Range(0, maxReflections + 1).Select(k => Math.Pow(beta, k)).ToArray();
        var direct = Math.Sqrt(talker.Select((t, i) => (t - mic[i]) * (t - mic[i])).Sum());
        var earlyLimit = direct + (EarlySeconds * SpeedOfSound);
        var jitter = new SeededRandom((ulong)room.Seed ^ 0x5DEECE66DUL);
        var response = new double[length];
        var maxSquared = maxDistance * maxDistance;
        foreach (var x in axes[0])
        {
            foreach (var y in axes[1])
            {
                var xy = (x.Offset * x.Offset) + (y.Offset * y.Offset);
                if (xy > maxSquared)
                {
                    continue;
                }

                foreach (var z in axes[2])
                {
                    var squared = xy + (z.Offset * z.Offset);
                    if (squared > maxSquared)
                    {
                        continue;
                    }

                    var distance = Math.Max(Math.Sqrt(squared), 0.05);
                    var reflections = x.Reflections + y.Reflections + z.Reflections;
                    var amplitude = gains[reflections] / distance;
                    var delay = distance / SpeedOfSound * sampleRate;
                    if (reflections > 0)
                    {
                        delay += jitter.Uniform(-JitterSeconds, JitterSeconds) * sampleRate;
                    }

                    if (distance <= earlyLimit)
                    {
                        AddSinc(response, delay, amplitude);
                    }
                    else
                    {
                        AddLinear(response, delay, amplitude);
                    }
                }
            }
        }

        var output = new float[length];
        var scale = direct; // direct sound at amplitude 1
        for (var i = 0; i < length; i++)
        {
            output[i] = (float)(response[i] * scale);
        }

        Biquad.HighPass(80, sampleRate).Process(output);
        return output;
    }

    /// <summary>Image coordinates along one axis within reach: offset from the microphone and walls crossed.</summary>
    private static List<(double Offset, int Reflections)> AxisImages(double talker, double mic, double size, double maxDistance)
    {
        var images = new List<(double, int)>();
        var orders = (int)Math.Ceiling(maxDistance / (2 * size)) + 1;
        for (var n = -orders; n <= orders; n++)
        {
            for (var q = 0; q <= 1; q++)
            {
                var position = ((1 - (2 * q)) * talker) + (2 * n * size);
                var offset = position - mic;
                if (Math.Abs(offset) <= maxDistance)
                {
                    images.Add((offset, Math.Abs(n - q) + Math.Abs(n)));
                }
            }
        }

        return images;
    }

    private static void AddSinc(double[] response, double delay, double amplitude)
    {
        var centre = (int)Math.Floor(delay);
        for (var i = centre - SincHalfWidth + 1; i <= centre + SincHalfWidth; i++)
        {
            if (i < 0 || i >= response.Length)
            {
                continue;
            }

            var t = i - delay;
            var sinc = Math.Abs(t) < 1e-9 ? 1 : Math.Sin(Math.PI * t) / (Math.PI * t);
            var window = 0.5 * (1 + Math.Cos(Math.PI * t / SincHalfWidth));
            response[i] += amplitude * sinc * window;
        }
    }

    private static void AddLinear(double[] response, double delay, double amplitude)
    {
        var index = (int)delay;
        if (index + 1 >= response.Length)
        {
            return;
        }

        var fraction = delay - index;
        response[index] += amplitude * (1 - fraction);
        response[index + 1] += amplitude * fraction;
    }
}
