using Scraps.Tests.Docs;

namespace Scraps.Trainer.Tests.Docs;

/// <summary>Every `scraps-train` command line README shows (the training recipe) parses as written.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Every_scraps_train_command_line_in_the_readme_parses()
    {
        var commands = ReadmeCommandLines.Of("Scraps.Trainer");

        Assert.True(commands.Count >= 4, $"found only {commands.Count} scraps-train command lines in README.md");
        foreach (var (line, arguments) in commands)
        {
            var result = TrainerCommands.Create().Parse(arguments);
            Assert.True(result.Errors.Count == 0, $"README.md line {line}: scraps-train {string.Join(' ', arguments)}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            Assert.True(result.CommandResult.Command.Action is not null, $"README.md line {line}: '{result.CommandResult.Command.Name}' is not a command that runs");
        }
    }
}
