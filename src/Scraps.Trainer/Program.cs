using Scraps.Shared;

// Program.cs only runs the command tree (TrainerCommands); each command lives in its own *Command.cs file.
return await CommandLineRunner.InvokeAsync(Scraps.Trainer.TrainerCommands.Create(), args);
