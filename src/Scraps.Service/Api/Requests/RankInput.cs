namespace Scraps.Service.Api.Requests;

/// <summary>A read rank request.</summary>
internal sealed record RankInput(AudioPart Audio, IReadOnlyList<TextInput> Candidates);
