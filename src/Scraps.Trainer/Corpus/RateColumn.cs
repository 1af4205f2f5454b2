using Spectre.Console;
using Spectre.Console.Rendering;

namespace Scraps.Trainer.Corpus;

/// <summary>A progress column showing the task's current speed in items per second (e.g. "12.3 clips/s").</summary>
internal sealed class RateColumn(string unit) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Spectre.Console.Text($"{task.Speed ?? 0:0.0} {unit}/s", new Style(Color.Aqua));
}
