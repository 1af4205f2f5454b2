using Scraps.Service.Errors;

namespace Scraps.Service.Api.Requests;

/// <summary>What a clip should say, as sent: a transcript or X-SAMPA phonemes (content not yet checked).</summary>
/// <param name="Field">Where it came from, for error details (e.g. "transcript", "phonemes[2]").</param>
internal sealed record TextInput(string Field, string Value, bool IsPhonemes)
{
    /// <summary>Exactly one of <paramref name="transcript"/> and <paramref name="phonemes"/>.</summary>
    /// <exception cref="RequestFormatException">Both or neither.</exception>
    public static TextInput Of(string? transcript, string? phonemes) => (transcript, phonemes) switch
    {
        (not null, not null) => throw new RequestFormatException("give either 'transcript' or 'phonemes', not both"),
        (not null, null) => new TextInput("transcript", transcript, IsPhonemes: false),
        (null, not null) => new TextInput("phonemes", phonemes, IsPhonemes: true),
        _ => throw new RequestFormatException("give 'transcript' (text) or 'phonemes' (X-SAMPA)"),
    };

    /// <summary>Like <see cref="Of"/>, but null when neither is given.</summary>
    public static TextInput? Optional(string? transcript, string? phonemes) =>
        transcript is null && phonemes is null ? null : Of(transcript, phonemes);
}
