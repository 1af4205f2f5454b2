using Microsoft.Extensions.Options;

namespace Scraps.Service.Configuration;

/// <summary>Source-generated data-annotation validation of <see cref="ModelOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ModelOptionsValidator : IValidateOptions<ModelOptions>;

/// <summary>Source-generated data-annotation validation of <see cref="RequestLimitsOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>;

/// <summary>Source-generated data-annotation validation of <see cref="ResilienceOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ResilienceOptionsValidator : IValidateOptions<ResilienceOptions>;

/// <summary>Source-generated data-annotation validation of <see cref="AdmissionOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class AdmissionOptionsValidator : IValidateOptions<AdmissionOptions>;

/// <summary>Source-generated data-annotation validation of <see cref="ShutdownOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>;

/// <summary>
/// The API keys: each at least <see cref="ApiKeyOptions.MinimumKeyLength"/> characters without white space, and the keys
/// file, when named, present with at least one key. Checked on start, so a misspelt Secret mount fails loudly instead of
/// leaving the service open or closed to everyone.
/// </summary>
internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var problems = new List<string>();
        var keys = new List<string>(options.Keys);
        if (options.KeysFile is { } file)
        {
            if (!File.Exists(file))
            {
                problems.Add($"Scraps:ApiKeys:KeysFile '{file}' does not exist");
            }
            else
            {
                var fromFile = Security.ApiKeyStore.ReadKeysFile(file).ToArray();
                if (fromFile.Length == 0)
                {
                    problems.Add($"Scraps:ApiKeys:KeysFile '{file}' holds no key (one a line, # for comments)");
                }

                keys.AddRange(fromFile);
            }
        }

        for (var i = 0; i < keys.Count; i++)
        {
            // The key itself is never put in a message: only which one and what is wrong with it.
            if (keys[i].Length < ApiKeyOptions.MinimumKeyLength || keys[i].Any(char.IsWhiteSpace))
            {
                problems.Add($"API key {i + 1} must be at least {ApiKeyOptions.MinimumKeyLength} characters without white space");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
