namespace Scraps.Model.Tests.Training;

/// <summary>
/// Training tests run alone, not beside other test classes: TorchSharp frees the native side of implicitly
/// converted Scalars (e.g. masked_fill(mask, 0)) in a finalizer, so a garbage collection triggered by another
/// thread's allocations in the middle of such a native call can free the Scalar while libtorch reads it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TrainingCollection
{
    public const string Name = "training (not parallel)";
}
