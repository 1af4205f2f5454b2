using System.CommandLine;
using Scraps.Shared;

// Program.cs only wires commands; each command lives in its own *Command.cs file.
var root = new RootCommand("scraps-train: build a SCRAPS corpus, train the model, export it to ONNX");
// commands:
return await CommandLineRunner.InvokeAsync(root, args);
