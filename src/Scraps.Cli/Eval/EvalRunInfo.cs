namespace Scraps.Cli.Eval;

/// <summary>What was evaluated, for the report's header: the model's name and version, the manifest, the seed.</summary>
internal sealed record EvalRunInfo(string Model, string Manifest, int Seed);
