using System.Diagnostics;
using static TorchSharp.torch;

namespace Scraps.Model.Training;

/// <summary>
/// Loss and speed bookkeeping between reports: the steps' figures (<see cref="StepFigures"/>) are summed on the
/// device and read back once per report, because reading each step back is a host sync that stalls a GPU's queue.
/// </summary>
internal sealed class RunStatistics(TrainingOptions options) : IDisposable
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private Tensor? _windowSum;
    private Tensor? _lastFigures;
    private int _windowSteps;
    private TimeSpan _windowTime;
    private double _windowAudio;
    private TimeSpan _totalTime;
    private long _totalSteps;
    private double _firstWindow = double.NaN;
    private double _lastWindow = double.NaN;

    /// <summary>Loss of the latest step (read back on demand: at checkpoints).</summary>
    public double LastStepLoss
    {
        get
        {
            if (_lastFigures is null)
            {
                return double.NaN;
            }

            using var scope = NewDisposeScope();
            return _lastFigures[StepFigures.Total].item<float>();
        }
    }

    /// <summary>Mean loss of the first reported window (the latest step's loss before any report).</summary>
    public double FirstLoss => double.IsNaN(_firstWindow) ? LastStepLoss : _firstWindow;

    /// <summary>Mean loss of the latest reported window (the latest step's loss before any report).</summary>
    public double LastLoss => double.IsNaN(_lastWindow) ? LastStepLoss : _lastWindow;

    public double OverallStepsPerSecond => _totalTime > TimeSpan.Zero ? _totalSteps / _totalTime.TotalSeconds : 0;

    public long StepsThisProcess => _totalSteps;

    public void Add(StepResult result, TimeSpan duration)
    {
        if (_windowSum is null)
        {
            _windowSum = result.Figures.clone();
        }
        else
        {
            _windowSum.add_(result.Figures);
        }

        _lastFigures?.Dispose();
        _lastFigures = result.Figures;
        _windowSteps++;
        _windowAudio += result.AudioSeconds;
        _windowTime += duration;
        _totalTime += duration;
        _totalSteps++;
    }

    public TrainingStepReport Report(long step, long steps, int epoch, double rate, int batchSize)
    {
        float[] sums;
        using (NewDisposeScope())
        {
            sums = _windowSum is null ? new float[StepFigures.Count] : _windowSum.cpu().data<float>().ToArray();
        }
        _windowSum?.Dispose();
        _windowSum = null;
        var n = Math.Max(_windowSteps, 1);
        var mean = _windowSteps > 0 ? sums[StepFigures.Total] / (double)n : double.NaN;
        if (double.IsNaN(_firstWindow))
        {
            _firstWindow = mean;
        }

        _lastWindow = mean;
        var speed = _windowTime > TimeSpan.Zero ? _windowSteps / _windowTime.TotalSeconds : 0;
        var framed = sums[StepFigures.FramePresent];
        var parts = new LossParts(
            sums[StepFigures.Contrastive] / n,
            options.HardNegatives > 0 && options.HardNegativeWeight > 0 ? sums[StepFigures.HardNegative] / n : double.NaN,
            options.CtcWeight > 0 ? sums[StepFigures.Ctc] / n : double.NaN)
        {
            Frame = framed > 0 ? sums[StepFigures.Frame] / framed : double.NaN,
            Matching = options.MatchWeight > 0 ? sums[StepFigures.Matching] / n : double.NaN,
        };
        var gradientNorm = options.GradientClipNorm > 0 ? sums[StepFigures.GradientNorm] / n : double.NaN;
        var audio = _windowTime > TimeSpan.Zero ? _windowAudio / _windowTime.TotalSeconds : 0;
        (_windowSteps, _windowTime, _windowAudio) = (0, TimeSpan.Zero, 0);
        return new TrainingStepReport(step, steps, epoch, mean, rate, gradientNorm, speed, batchSize, _wall.Elapsed) { Parts = parts, AudioSecondsPerSecond = audio };
    }

    public void Dispose()
    {
        _windowSum?.Dispose();
        _lastFigures?.Dispose();
    }
}
