using Microsoft.Extensions.Options;

namespace Scraps.Client;

/// <summary>Source-generated range checks of <see cref="ScrapsClientOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class ScrapsClientOptionsRangeValidator : IValidateOptions<ScrapsClientOptions>;

/// <summary>The checks that span several options, plus the generated range checks; every failure names the option.</summary>
internal sealed class ScrapsClientOptionsValidator : IValidateOptions<ScrapsClientOptions>
{
    private readonly ScrapsClientOptionsRangeValidator _ranges = new();

    public ValidateOptionsResult Validate(string? name, ScrapsClientOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        builder.AddResult(_ranges.Validate(name, options));
        if (options.BaseAddress is { } address
            && (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)))
        {
            builder.AddError($"must be an absolute http or https address, got '{address}'", nameof(ScrapsClientOptions.BaseAddress));
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            builder.AddError(
                $"must be at least {nameof(ScrapsClientOptions.AttemptTimeout)} ({options.AttemptTimeout}), got {options.TotalTimeout}",
                nameof(ScrapsClientOptions.TotalTimeout));
        }

        if (options.SamplingDuration < 2 * options.AttemptTimeout)
        {
            builder.AddError(
                $"must be at least twice {nameof(ScrapsClientOptions.AttemptTimeout)} ({options.AttemptTimeout}), got {options.SamplingDuration}",
                nameof(ScrapsClientOptions.SamplingDuration));
        }

        return builder.Build();
    }
}
