using Scraps.Model.Training;
using Scraps.Trainer.Fit;
using Spectre.Console;

namespace Scraps.Trainer.Tests.Fit;

public sealed class FitConsoleObserverTests
{
    private static TrainingStepReport Step(long step) => new(step, 100, 0, 1.5, 5e-4, 0.7, 12.34, 32, TimeSpan.FromSeconds(step));

    [Fact]
    public void Redirected_output_gets_throttled_step_lines_and_every_validation()
    {
        var clock = new ManualClock();
        var plain = new StringWriter();
        var observer = new FitConsoleObserver(AnsiConsole.Console, plain, clock);

        observer.OnStarted(new TrainingStarted("cpu: requested", 1234, 40, 8, 2, 3, 0, 100, null));
        observer.OnStep(Step(10));
        clock.Advance(TimeSpan.FromSeconds(5));
        observer.OnStep(Step(20));
        clock.Advance(FitConsoleObserver.PlainStepInterval);
        observer.OnStep(Step(30));
        observer.OnValidated(new ValidationReport(30, 2.25, new ValidationFigures(0.91, 0.12, 3.5, 0.8, 0.75), 4, 128, TimeSpan.FromSeconds(2)));
        observer.OnStep(Step(100));
        observer.OnCheckpointSaved(100, "/runs/a/checkpoints/step-000000100");

        var lines = plain.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("training from scratch to step 100"));
        Assert.Contains(lines, l => l.Contains("1,234 parameters; 40 train / 8 valid utterances (2 too long, left out)"));
        var steps = lines.Where(l => l.Contains(" step ") && l.Contains("steps/s")).ToArray();
        Assert.Equal(3, steps.Length); // 10, 30 (15 s later) and the last step; 20 came too soon.
        Assert.Contains("step 30/100 loss 1.500 lr 5.0e-4 12.34 steps/s", steps[1]);
        Assert.Contains(lines, l => l.Contains("AUC 0.910, EER 0.120 (threshold 3.50), R@1 phonetic->acoustic 0.800, acoustic->phonetic 0.750"));
        Assert.Contains("valid@30 AUC 0.910 EER 0.120 R@1 0.800/0.750", steps[2]);
        Assert.EndsWith("checkpoint at step 100: /runs/a/checkpoints/step-000000100", lines[^1].TrimEnd());
    }

    [Fact]
    public void A_terminal_gets_a_progress_bar_with_the_figures_in_its_description()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        var observer = new FitConsoleObserver(console, null, new ManualClock());
        ProgressTask? task = null;
        console.Progress().AutoRefresh(false).Start(context =>
        {
            task = context.AddTask("starting");
            observer.Attach(context, task);
            observer.OnStarted(new TrainingStarted("cpu: requested", 10, 4, 2, 0, 1, 5, 50, "/runs/a/checkpoints/step-000000005"));
            observer.OnStep(Step(20));
        });
        Assert.Equal((20.0, 50.0), (task!.Value, task.MaxValue));
        Assert.Contains("step 20/100 loss 1.500", task.Description);
        Assert.Contains("resumed at step 5", output.ToString());
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
