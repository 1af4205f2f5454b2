using Spectre.Console;

namespace Scraps.Trainer.Corpus;

/// <summary>
/// Runs work under a progress display: a Spectre.Console bar with a rate column on an interactive terminal,
/// plain periodic lines when output is redirected (Spectre's live display is exclusive per process, and
/// useless in a log).
/// </summary>
internal static class ConsoleProgress
{
    public static async Task<T> RunAsync<T>(string description, string unit, Func<IProgressDisplay, Task<T>> work)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(new LineProgressDisplay(unit, Console.Out));
        }

        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new RateColumn(unit),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(context => work(new TaskDisplay(context.AddTask(description, maxValue: 1))));
    }

    private sealed class TaskDisplay(ProgressTask task) : IProgressDisplay
    {
        public void Update(double done, double total, string description)
        {
            task.MaxValue = Math.Max(1, total);
            task.Value = done;
            task.Description = description;
        }
    }
}
