using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Tests.Corpus.Augmentation;

public class RoomImpulseResponseTests
{
    [Theory]
    [InlineData(6, 4, 3, 0.3)]
    [InlineData(6, 4, 3, 0.6)]
    [InlineData(9, 7, 3.5, 0.8)]
    [InlineData(3.5, 3, 2.5, 0.25)]
    public void The_measured_reverberation_time_is_the_planned_rt60(double length, double width, double height, double rt60)
    {
        var response = RoomImpulseResponse.Generate(new RoomPlan(length, width, height, rt60, 2, 11), 16000);
        var measured = SchroederRt60(response, 16000);
        Assert.True(Math.Abs(measured - rt60) / rt60 < 0.2, $"RT60 planned {rt60} s, measured {measured:0.000} s (T20 of the Schroeder decay)");
    }

    [Fact]
    public void The_direct_sound_arrives_after_the_talker_to_microphone_distance()
    {
        var plan = new RoomPlan(8, 6, 3, 0.5, 3, 5);
        var (talker, mic) = RoomImpulseResponse.Positions(plan);
        var distance = Math.Sqrt(talker.Select((t, i) => (t - mic[i]) * (t - mic[i])).Sum());
        Assert.Equal(3, distance, 6);
        var response = RoomImpulseResponse.Generate(plan, 16000);
        var first = Array.FindIndex(response, s => Math.Abs(s) > 0.5);
        Assert.InRange(first, (distance / 343 * 16000) - 2, (distance / 343 * 16000) + 2);
        Assert.Equal(response, RoomImpulseResponse.Generate(plan, 16000));
    }

    [Fact]
    public void A_farther_microphone_hears_more_room_than_a_close_one()
    {
        static double DirectToReverberant(double distance)
        {
            var response = RoomImpulseResponse.Generate(new RoomPlan(8, 6, 3, 0.6, distance, 9), 16000);
            var peak = Array.FindIndex(response, s => Math.Abs(s) > 0.5);
            var direct = response.Skip(peak - 16).Take(40).Sum(s => (double)s * s);
            var reverberant = response.Skip(peak + 40).Sum(s => (double)s * s);
            return 10 * Math.Log10(direct / reverberant);
        }

        Assert.True(DirectToReverberant(0.5) > DirectToReverberant(3.5) + 10);
    }

    [Fact]
    public void Putting_a_clip_in_a_room_keeps_its_level_and_adds_a_tail()
    {
        var dry = TestSignals.Sine(300, 0.5);
        var plan = new RoomPlan(5, 4, 3, 0.4, 1.5, 7);
        var wet = Room.Apply(dry, 16000, plan);
        Assert.True(wet.Length > dry.Length + 6000);
        Assert.True(TestSignals.Rms(wet.AsSpan(dry.Length, 1000)) > 0.01, "the room should ring on after the sound stops");
        Assert.InRange(TestSignals.Rms(wet.AsSpan(0, dry.Length)) / TestSignals.Rms(dry), 0.99, 1.01);
    }

    [Fact]
    public void Absorption_grows_as_the_reverberation_time_falls() =>
        Assert.True(RoomImpulseResponse.Absorption(6, 4, 3, 0.3) > RoomImpulseResponse.Absorption(6, 4, 3, 0.9));

    /// <summary>RT60 from the Schroeder backward-integrated energy decay: the -5 to -25 dB slope (T20), times three.</summary>
    private static double SchroederRt60(float[] response, int rate)
    {
        var energy = new double[response.Length];
        double sum = 0;
        for (var i = response.Length - 1; i >= 0; i--)
        {
            sum += (double)response[i] * response[i];
            energy[i] = sum;
        }

        double Db(int i) => 10 * Math.Log10(energy[i] / energy[0]);
        var start = Array.FindIndex(energy, e => 10 * Math.Log10(e / energy[0]) <= -5);
        var end = Array.FindIndex(energy, e => 10 * Math.Log10(e / energy[0]) <= -25);
        return (double)(end - start) / rate * 60 / (Db(start) - Db(end));
    }
}
