using System.CommandLine;

namespace Scraps.Shared;

/// <summary>
/// Runs the command line so that every failure ends as one line on stderr and a non-zero exit code,
/// never as a stack trace: 2 for a usage or input error, 1 for anything unexpected.
/// </summary>
internal static class CommandLineRunner
{
    public const int InputError = 2;
    public const int UnexpectedError = 1;

    /// <summary>The line width Spectre.Console assumes for redirected output: wide enough that no message is wrapped.</summary>
    public const int PipedWidth = 100_000;

    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var error = config.Error;
        if (stdout is null && Console.IsOutputRedirected)
        {
            // Spectre.Console wraps at 80 columns when it cannot ask a terminal for its width: a log file would get lines
            // broken mid-phrase. Piped output has no width; each message stays on its line.
            Spectre.Console.AnsiConsole.Profile.Width = PipedWidth;
        }

        try
        {
            var parse = root.Parse(args);
            // A malformed option value or an unknown option is a usage error like any other: one line naming it and
            // exit code 2, not System.CommandLine's default of the whole help text and exit code 1. Help (--help)
            // itself parses without errors.
            if (parse.Errors.Count > 0)
            {
                await error.WriteLineAsync($"error: {OneLine(parse.Errors[0].Message)} (see --help)");
                return InputError;
            }

            return await parse.InvokeAsync(config);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("error: cancelled");
            return UnexpectedError;
        }
        catch (Exception e) when (IsInputError(e))
        {
            await error.WriteLineAsync($"error: {OneLine(e.Message)}");
            return InputError;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {OneLine(e.Message)}");
            return UnexpectedError;
        }
    }

    /// <summary>
    /// Errors caused by what the user gave us (bad file, bad text, bad flag value): every library marks its own with
    /// <see cref="Scraps.Errors.IInputError"/>; the framework's argument, file and format errors count too.
    /// </summary>
    private static bool IsInputError(Exception e) =>
        e is Scraps.Errors.IInputError or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException
        or FormatException or NotSupportedException or UnauthorizedAccessException;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
