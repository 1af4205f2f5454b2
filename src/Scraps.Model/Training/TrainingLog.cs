using System.Globalization;

namespace Scraps.Model.Training;

/// <summary>
/// The run folder's logs: <c>train.csv</c> and <c>valid.csv</c> (one row per logged step) and TensorBoard
/// scalars under <c>tensorboard/</c>. On resume, rows past the resumed step (written after the checkpoint
/// by the interrupted run) are dropped, and the new event file starts with a SessionLog START at that step.
/// </summary>
internal sealed class TrainingLog : IDisposable
{
    public const string TrainCsv = "train.csv";
    public const string ValidCsv = "valid.csv";
    public const string TensorBoardFolder = "tensorboard";
    private const string TrainHeader = "step,epoch,loss,learning_rate,gradient_norm,steps_per_second,batch_size,elapsed_seconds,contrastive_loss,hard_negative_loss,ctc_loss,frame_loss,matching_loss,audio_seconds_per_second";
    private const string ValidHeader = "step,loss,auc_roc,eer,eer_threshold,recall1_phonetic_to_acoustic,recall1_acoustic_to_phonetic,batches,batch_size,near_miss_auc,phone_error_rate,matching_near_miss_auc";

    private readonly StreamWriter _train;
    private readonly StreamWriter _valid;
    private readonly TensorBoardEventWriter _events;

    public TrainingLog(string runDirectory, long startStep, bool resumed)
    {
        Directory.CreateDirectory(runDirectory);
        _train = Open(Path.Combine(runDirectory, TrainCsv), TrainHeader, startStep);
        _valid = Open(Path.Combine(runDirectory, ValidCsv), ValidHeader, startStep);
        _events = TensorBoardEventWriter.Create(Path.Combine(runDirectory, TensorBoardFolder));
        if (resumed)
        {
            _events.WriteSessionStart(startStep);
        }
    }

    public string EventFile => _events.Path;

    public void Write(TrainingStepReport r)
    {
        _train.WriteLine(Row(r.Step, r.Epoch, r.Loss, r.LearningRate, r.GradientNorm, r.StepsPerSecond, r.BatchSize, r.Elapsed.TotalSeconds,
            r.Parts.Contrastive, r.Parts.HardNegative, r.Parts.Ctc, r.Parts.Frame, r.Parts.Matching, r.AudioSecondsPerSecond));
        _train.Flush();
        _events.WriteScalars(r.Step,
        [
            new("train/loss", r.Loss),
            new("train/contrastive_loss", r.Parts.Contrastive),
            new("train/hard_negative_loss", r.Parts.HardNegative),
            new("train/ctc_loss", r.Parts.Ctc),
            new("train/frame_loss", r.Parts.Frame),
            new("train/matching_loss", r.Parts.Matching),
            new("train/learning_rate", r.LearningRate),
            new("train/gradient_norm", r.GradientNorm),
            new("train/steps_per_second", r.StepsPerSecond),
        ]);
    }

    public void Write(ValidationReport r)
    {
        var f = r.Figures;
        _valid.WriteLine(Row(r.Step, r.Loss, f.AucRoc, f.EqualErrorRate, f.EerThreshold, f.RecallAt1PhoneticToAcoustic, f.RecallAt1AcousticToPhonetic, r.Batches, r.BatchSize,
            r.NearMissAuc, r.PhoneErrorRate, r.MatchingNearMissAuc));
        _valid.Flush();
        _events.WriteScalars(r.Step,
        [
            new("valid/loss", r.Loss),
            new("valid/auc_roc", f.AucRoc),
            new("valid/eer", f.EqualErrorRate),
            new("valid/eer_threshold", f.EerThreshold),
            new("valid/recall1_phonetic_to_acoustic", f.RecallAt1PhoneticToAcoustic),
            new("valid/recall1_acoustic_to_phonetic", f.RecallAt1AcousticToPhonetic),
            new("valid/near_miss_auc", r.NearMissAuc),
            new("valid/phone_error_rate", r.PhoneErrorRate),
            new("valid/matching_near_miss_auc", r.MatchingNearMissAuc),
        ]);
    }

    public void Dispose()
    {
        _train.Dispose();
        _valid.Dispose();
        _events.Dispose();
    }

    /// <summary>Opens a CSV for appending, keeping only the header and the rows up to <paramref name="lastKeptStep"/>.</summary>
    private static StreamWriter Open(string path, string header, long lastKeptStep)
    {
        var kept = new List<string> { header };
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path).Skip(1))
            {
                var comma = line.IndexOf(',');
                if (comma > 0 && long.TryParse(line.AsSpan(0, comma), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step) && step <= lastKeptStep)
                {
                    kept.Add(line);
                }
            }
        }
        File.WriteAllLines(path, kept);
        return new StreamWriter(path, append: true);
    }

    private static string Row(params object[] values) =>
        string.Join(',', values.Select(v => v switch
        {
            double d => d.ToString("G9", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }));
}
