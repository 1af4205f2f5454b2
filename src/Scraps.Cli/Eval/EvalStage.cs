namespace Scraps.Cli.Eval;

/// <summary>The parts of an evaluation that draw random numbers, each from its own stream.</summary>
internal enum EvalStage
{
    Sampling = 1,
    Substitution = 2,
    Gaussian = 3,
    Mix = 4,
    WordSwap = 5,
    CloseSubstitution = 6,
    Deletion = 7,
    Insertion = 8,
}
