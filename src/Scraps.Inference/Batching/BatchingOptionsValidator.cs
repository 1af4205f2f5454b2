using Microsoft.Extensions.Options;

namespace Scraps.Inference.Batching;

/// <summary>Checks <see cref="BatchingOptions"/> against its data annotations (source-generated, no reflection).</summary>
[OptionsValidator]
public sealed partial class BatchingOptionsValidator : IValidateOptions<BatchingOptions>
{
}
