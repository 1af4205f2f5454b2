namespace Scraps.Inference.Tests.Batching;

/// <summary>A stand-in encoder input: an id and a length on the padded axis.</summary>
internal sealed record FakeClip(string Id, int Length);
