using Microsoft.Extensions.Options;
using Scraps.Inference.Runtime;

namespace Scraps.Service.Configuration;

/// <summary>
/// Validates the ONNX Runtime options (section <c>Scraps:Inference</c>) on start with their own rules, and refuses the
/// graph-run budget of direct use (<c>MaxBatchSize</c>, <c>MaxBatchSteps</c>): the service has one batch budget,
/// <c>Scraps:Batching</c>, and runs each batch it forms as one graph run.
/// </summary>
internal sealed class ScrapsModelOptionsValidator : IValidateOptions<ScrapsModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ScrapsModelOptions options)
    {
        if (options.MaxBatchSize is not null || options.MaxBatchSteps is not null)
        {
            return ValidateOptionsResult.Fail(
                "Scraps:Inference:MaxBatchSize and MaxBatchSteps size graph runs outside the service (the CLI); the service runs each batch it forms as one graph run: "
                + "set its budget in Scraps:Batching (MaxBatchSize, MaxPaddedFrames, MaxPaddedPhonemes)");
        }

        try
        {
            options.Validate();
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Scraps:Inference: {e.Message}");
        }
    }
}
