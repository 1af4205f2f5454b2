using System.CommandLine;
using Scraps.Shared;

// Program.cs only wires commands; each command lives in its own *Command.cs file.
var root = new RootCommand("scraps: score speech against phoneme sequences with a SCRAPS model");
// commands:
return await CommandLineRunner.InvokeAsync(root, args);
