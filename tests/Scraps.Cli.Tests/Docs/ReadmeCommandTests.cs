using Scraps.Tests.Docs;

namespace Scraps.Cli.Tests.Docs;

/// <summary>Every `scraps` command line README shows parses as written: a renamed command or option fails here, not for the reader.</summary>
public sealed class ReadmeCommandTests
{
    [Fact]
    public void Every_scraps_command_line_in_the_readme_parses()
    {
        var commands = ReadmeCommandLines.Of("Scraps.Cli");

        Assert.True(commands.Count >= 8, $"found only {commands.Count} scraps command lines in README.md");
        foreach (var (line, arguments) in commands)
        {
            var result = CliCommands.Create().Parse(arguments);
            Assert.True(result.Errors.Count == 0, $"README.md line {line}: scraps {string.Join(' ', arguments)}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
            Assert.True(result.CommandResult.Command.Action is not null, $"README.md line {line}: '{result.CommandResult.Command.Name}' is not a command that runs");
        }
    }
}
