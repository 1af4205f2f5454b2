namespace Scraps.Service.Api.Requests;

/// <summary>A read compare request; <see cref="Text"/> is null when neither transcript nor phonemes were sent.</summary>
internal sealed record CompareInput(AudioPart Audio, AudioPart Reference, TextInput? Text);
