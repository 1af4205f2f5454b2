namespace Scraps.Trainer.Corpus;

/// <summary>Where a command shows how far it got: a live bar on a terminal, plain lines otherwise.</summary>
internal interface IProgressDisplay
{
    void Update(double done, double total, string description);
}
