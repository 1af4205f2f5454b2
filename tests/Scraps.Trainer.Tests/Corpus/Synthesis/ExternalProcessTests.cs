using System.Text;
using Scraps.Trainer.Corpus.Synthesis;

namespace Scraps.Trainer.Tests.Corpus.Synthesis;

public class ExternalProcessTests
{
    [Fact]
    public async Task Pipes_input_to_output()
    {
        var input = Encoding.UTF8.GetBytes(new string('x', 200_000));
        var output = await ExternalProcess.RunAsync("cat", [], input);
        Assert.Equal(input, output);
    }

    [Fact]
    public async Task A_missing_program_is_an_external_tool_error()
    {
        var error = await Assert.ThrowsAsync<ExternalToolException>(() => ExternalProcess.RunAsync("no-such-program-xyz", []));
        Assert.Contains("no-such-program-xyz", error.Message);
    }

    [Fact]
    public async Task A_failing_program_reports_exit_code_and_stderr()
    {
        var error = await Assert.ThrowsAsync<ExternalToolException>(() => ExternalProcess.RunAsync("sh", ["-c", "echo broken >&2; exit 3"]));
        Assert.Contains("exit code 3", error.Message);
        Assert.Contains("broken", error.Message);
    }

    [Fact]
    public async Task A_program_past_its_time_limit_is_stopped()
    {
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<ExternalToolException>(() => ExternalProcess.RunAsync("sleep", ["10"], timeout: TimeSpan.FromMilliseconds(300)));
        Assert.Contains("time limit", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }
}
