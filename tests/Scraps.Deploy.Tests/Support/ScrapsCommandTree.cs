using System.CommandLine;
using System.Reflection;

namespace Scraps.Deploy.Tests.Support;

/// <summary>
/// The real <c>scraps</c> command tree: every <c>Scraps.Cli.*Command.Create()</c> of the CLI assembly under one
/// root, as its Program.cs wires them.
/// </summary>
internal static class ScrapsCommandTree
{
    public static Assembly Cli => Assembly.Load("scraps");

    public static RootCommand Create()
    {
        var root = new RootCommand("scraps");
        foreach (var type in Cli.GetTypes().Where(t => t.Namespace == "Scraps.Cli" && t.Name.EndsWith("Command", StringComparison.Ordinal)))
        {
            if (type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes) is { } create
                && create.ReturnType.IsAssignableTo(typeof(Command)))
            {
                root.Subcommands.Add((Command)create.Invoke(null, null)!);
            }
        }

        return root;
    }

    /// <summary>The CLI's exit code for a usage or input error (Scraps.Shared.CommandLineRunner.InputError).</summary>
    public static int InputErrorExitCode =>
        (int)Cli.GetType("Scraps.Shared.CommandLineRunner", throwOnError: true)!.GetField("InputError")!.GetRawConstantValue()!;
}
