using Microsoft.Extensions.Options;
using Scraps.Inference.Runtime;

namespace Scraps.Service.Configuration;

/// <summary>Validates the ONNX Runtime options (section <c>Scraps:Inference</c>) on start with their own rules.</summary>
internal sealed class ScrapsModelOptionsValidator : IValidateOptions<ScrapsModelOptions>
{
    public ValidateOptionsResult Validate(string? name, ScrapsModelOptions options)
    {
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
