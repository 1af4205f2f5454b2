namespace Scraps.Service.Api.Requests;

/// <summary>A read score request.</summary>
internal sealed record ScoreInput(AudioPart Audio, TextInput Text);
