using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Tests.Corpus.Text;

public class TextKindScheduleTests
{
    [Fact]
    public void Any_run_of_clips_holds_each_kind_at_its_share()
    {
        var schedule = new TextKindSchedule(TextKinds.DefaultShares, seed: 4);
        foreach (var (start, count) in new[] { (0, 20000), (12345, 5000) })
        {
            var kinds = Enumerable.Range(start, count).Select(schedule.KindOf).ToArray();
            foreach (var (kind, share) in TextKinds.DefaultShares)
            {
                Assert.InRange(kinds.Count(k => k == kind), (share * count) - 5, (share * count) + 5);
            }
        }
    }

    [Fact]
    public void Six_clips_at_equal_shares_hold_every_kind_and_zero_shares_never_occur()
    {
        var equal = TextKinds.All.ToDictionary(k => k, _ => 1.0);
        Assert.Equal(TextKinds.All.Order(), Enumerable.Range(0, 6).Select(new TextKindSchedule(equal, 9).KindOf).Order());
        var two = new TextKindSchedule(new Dictionary<string, double> { [TextKinds.Word] = 1, [TextKinds.Passage] = 3 }, 9);
        Assert.Equal([TextKinds.Passage, TextKinds.Word], Enumerable.Range(0, 100).Select(two.KindOf).Distinct().Order());
    }

    [Fact]
    public void Kinds_depend_on_the_seed_and_index_only()
    {
        Assert.Equal(
            Enumerable.Range(0, 50).Select(new TextKindSchedule(TextKinds.DefaultShares, 1).KindOf),
            Enumerable.Range(0, 50).Select(new TextKindSchedule(TextKinds.DefaultShares, 1).KindOf));
        Assert.NotEqual(
            Enumerable.Range(0, 50).Select(new TextKindSchedule(TextKinds.DefaultShares, 1).KindOf),
            Enumerable.Range(0, 50).Select(new TextKindSchedule(TextKinds.DefaultShares, 2).KindOf));
    }

    [Fact]
    public void All_zero_shares_are_refused() =>
        Assert.Contains("--text-kinds", Assert.Throws<ArgumentException>(() => new TextKindSchedule(new Dictionary<string, double> { [TextKinds.Word] = 0 }, 1)).Message);
}
