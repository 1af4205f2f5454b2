namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>An external program (espeak-ng, flite, festival, sox, ffmpeg) is missing, failed or timed out.</summary>
internal sealed class ExternalToolException : Exception
{
    public ExternalToolException(string message)
        : base(message)
    {
    }

    public ExternalToolException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
