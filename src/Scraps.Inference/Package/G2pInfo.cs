namespace Scraps.Inference.Package;

/// <summary>The grapheme-to-phoneme engine the model was trained with (text must be phonemised the same way).</summary>
public sealed record G2pInfo(string Engine, string Voice, string Version);
