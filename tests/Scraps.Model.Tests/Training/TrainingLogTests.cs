using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class TrainingLogTests : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("scraps-log-").FullName;

    public void Dispose() => Directory.Delete(_run, recursive: true);

    private static TrainingStepReport Step(long step) => new(step, 100, 0, 3.5 - step / 100.0, 1e-4, 0.5, 12.5, 16, TimeSpan.FromSeconds(step));

    private static ValidationReport Validation(long step) =>
        new(step, 2.0, new ValidationFigures(0.9, 0.1, 1.5, 0.8, 0.7), 2, 16, TimeSpan.FromSeconds(1));

    [Fact]
    public void Writes_csv_rows_and_tensorboard_scalars()
    {
        string events;
        using (var log = new TrainingLog(_run, 0, resumed: false))
        {
            events = log.EventFile;
            log.Write(Step(10) with { Parts = new LossParts(1.5, double.NaN, 2.25) });
            log.Write(Validation(10) with { NearMissAuc = 0.875 });
        }
        var train = File.ReadAllLines(Path.Combine(_run, TrainingLog.TrainCsv));
        Assert.StartsWith("step,epoch,loss,", train[0]);
        Assert.Equal("10,0,3.4,0.0001,0.5,12.5,16,10,1.5,NaN,2.25,NaN,NaN,0", train[1]);
        var valid = File.ReadAllLines(Path.Combine(_run, TrainingLog.ValidCsv));
        Assert.Equal("10,2,0.9,0.1,1.5,0.8,0.7,2,16,0.875,NaN,NaN", valid[1]);

        var records = TensorBoardEventWriterTests.ReadRecords(File.ReadAllBytes(events)).Select(TensorBoardEventWriterTests.Decode).ToList();
        Assert.Equal(3, records.Count);
        Assert.Contains(("train/loss", 3.4f), records[1].Values);
        Assert.Contains(("valid/recall1_acoustic_to_phonetic", 0.7f), records[2].Values);
        Assert.Contains(("train/ctc_loss", 2.25f), records[1].Values);
        Assert.Contains(("valid/near_miss_auc", 0.875f), records[2].Values);
        // A part that is off (NaN) is left out of TensorBoard.
        Assert.DoesNotContain(records[1].Values, v => v.Item1 == "train/hard_negative_loss");
        Assert.DoesNotContain(records[2].Values, v => v.Item1 == "valid/phone_error_rate");
    }

    [Fact]
    public void Resuming_drops_rows_logged_after_the_checkpoint_and_marks_the_restart()
    {
        using (var log = new TrainingLog(_run, 0, resumed: false))
        {
            foreach (var s in new[] { 10, 20, 30 })
            {
                log.Write(Step(s));
            }

            log.Write(Validation(20));
            log.Write(Validation(30));
        }
        string events;
        using (var log = new TrainingLog(_run, 20, resumed: true))
        {
            events = log.EventFile;
            log.Write(Step(30));
        }
        var steps = File.ReadAllLines(Path.Combine(_run, TrainingLog.TrainCsv)).Skip(1).Select(l => l.Split(',')[0]);
        Assert.Equal(["10", "20", "30"], steps);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(_run, TrainingLog.ValidCsv)).Length);
        var restart = TensorBoardEventWriterTests.Decode(TensorBoardEventWriterTests.ReadRecords(File.ReadAllBytes(events))[1]);
        Assert.Equal((20L, 1), (restart.Step, restart.SessionStatus));
    }
}
