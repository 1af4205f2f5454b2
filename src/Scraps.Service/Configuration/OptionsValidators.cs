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
