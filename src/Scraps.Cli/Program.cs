using Scraps.Shared;

// Program.cs only runs the command tree (CliCommands); each command lives in its own *Command.cs file.
return await CommandLineRunner.InvokeAsync(Scraps.Cli.CliCommands.Create(), args);
