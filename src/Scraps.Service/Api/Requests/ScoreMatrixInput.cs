namespace Scraps.Service.Api.Requests;

/// <summary>A read score matrix request.</summary>
internal sealed record ScoreMatrixInput(IReadOnlyList<AudioPart> Audios, IReadOnlyList<TextInput> Texts);
