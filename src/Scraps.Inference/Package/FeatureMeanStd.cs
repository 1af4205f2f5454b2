namespace Scraps.Inference.Package;

/// <summary>Per-mel-bin mean and standard deviation of the training features (standardisation).</summary>
public sealed record FeatureMeanStd(float[] Mean, float[] Std);
