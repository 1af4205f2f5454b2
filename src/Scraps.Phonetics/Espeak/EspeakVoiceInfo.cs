namespace Scraps.Phonetics.Espeak;

/// <summary>The espeak-ng voice a requested voice name resolved to.</summary>
/// <param name="Identifier">Voice file, e.g. "gmw/en-US".</param>
/// <param name="Language">Its main language, e.g. "en-us".</param>
internal sealed record EspeakVoiceInfo(string Identifier, string Language);
