using System.Globalization;
using Scraps.Model.Training;
using Spectre.Console;

namespace Scraps.Trainer.Fit;

/// <summary>
/// What `scraps-train fit` shows: a Spectre.Console progress bar whose line carries loss, steps/s and the
/// latest validation figures when the output is a terminal; plain, timestamped log lines when it is
/// redirected (a step line at most every <see cref="PlainStepInterval"/>, every validation and checkpoint).
/// </summary>
internal sealed class FitConsoleObserver(IAnsiConsole console, TextWriter? plain, TimeProvider clock) : ITrainingObserver
{
    public static readonly TimeSpan PlainStepInterval = TimeSpan.FromSeconds(15);

    private ProgressContext? _context;
    private ProgressTask? _task;
    private ValidationReport? _validation;
    private TrainingStepReport? _lastStep;
    private DateTimeOffset _lastPlainStep = DateTimeOffset.MinValue;

    /// <summary>
    /// The progress bar to drive (interactive mode), set once the display has started. The display must not
    /// refresh itself: the observer redraws it from the training thread, so no other thread allocates (and
    /// triggers garbage collections) while libtorch runs (see TrainingLoop.Run).
    /// </summary>
    public void Attach(ProgressContext display, ProgressTask progress) => (_context, _task) = (display, progress);

    public void OnStarted(TrainingStarted s)
    {
        Line(s.ResumedFrom is not null ? $"resumed at step {s.StartStep} from {s.ResumedFrom}, training to step {s.Steps}"
            : s.InitialWeights is not null ? $"training from the weights of {s.InitialWeights} to step {s.Steps}"
            : $"training from scratch to step {s.Steps}");
        Line($"{s.Parameters:N0} parameters; {s.TrainUtterances} train / {s.ValidUtterances} valid utterances " +
             $"({s.SkippedTooLong} too long, left out); {s.BatchesPerEpoch} batches per epoch" +
             (s.LabelledUtterances > 0 ? $"; {s.LabelledUtterances} train clips with phone labels" : string.Empty));
        if (_task is not null)
        {
            _task.MaxValue = s.Steps;
            _task.Value = s.StartStep;
            _context?.Refresh();
        }
    }

    public void OnStep(TrainingStepReport r)
    {
        _lastStep = r;
        if (_task is not null)
        {
            _task.Value = r.Step;
            _task.Description = Markup.Escape(Describe());
            _context?.Refresh();
            return;
        }
        var now = clock.GetUtcNow();
        if (now - _lastPlainStep >= PlainStepInterval || r.Step == r.Steps)
        {
            _lastPlainStep = now;
            Line(Describe());
        }
    }

    public void OnValidated(ValidationReport v)
    {
        _validation = v;
        var f = v.Figures;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"validation at step {v.Step} ({v.Batches} x {v.BatchSize} pairs, {v.Duration.TotalSeconds:0.0} s): loss {v.Loss:0.000}, " +
            $"AUC {f.AucRoc:0.000}, EER {f.EqualErrorRate:0.000} (threshold {f.EerThreshold:0.00}), " +
            $"R@1 phonetic->acoustic {f.RecallAt1PhoneticToAcoustic:0.000}, acoustic->phonetic {f.RecallAt1AcousticToPhonetic:0.000}") +
            (double.IsNaN(v.PhoneErrorRate) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", phone error rate {v.PhoneErrorRate:0.000}")) +
            (double.IsNaN(v.NearMissAuc) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $", close-word AUC {v.NearMissAuc:0.000}")) +
            (double.IsNaN(v.MatchingNearMissAuc) ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (matching head {v.MatchingNearMissAuc:0.000})")));
        if (_task is not null)
        {
            _task.Description = Markup.Escape(Describe());
            _context?.Refresh();
        }
    }

    public void OnCheckpointSaved(long step, string directory) => Line($"checkpoint at step {step}: {directory}");

    public void OnStopping(long step) => Line($"stopping after step {step + 1}; writing a checkpoint");

    public void OnPace(TimeSpan perStep, long stepsLeft) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"{perStep.TotalSeconds:0.00} s a step: about {Duration(perStep * stepsLeft)} to go for {stepsLeft} more steps"));

    private static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds:00} s" : $"{span.Seconds} s";

    /// <summary>One line for a message (through the progress display's console, so the bar is not torn).</summary>
    public void Line(string message)
    {
        var stamped = $"{clock.GetLocalNow():HH:mm:ss} {message}";
        if (plain is not null)
        {
            plain.WriteLine(stamped);
        }
        else
        {
            console.MarkupLine(Markup.Escape(stamped));
        }
    }

    private string Describe()
    {
        var text = _lastStep is { } r
            ? string.Create(CultureInfo.InvariantCulture,
                $"step {r.Step}/{r.Steps} loss {r.Loss:0.000} lr {r.LearningRate:0.0e0} {r.StepsPerSecond:0.00} steps/s, {r.AudioSecondsPerSecond:0} s of audio/s")
            : "starting";
        if (_validation is { } v)
        {
            text += string.Create(CultureInfo.InvariantCulture,
                $" | valid@{v.Step} AUC {v.Figures.AucRoc:0.000} EER {v.Figures.EqualErrorRate:0.000} " +
                $"R@1 {v.Figures.RecallAt1PhoneticToAcoustic:0.000}/{v.Figures.RecallAt1AcousticToPhonetic:0.000}");
        }

        return text;
    }
}
