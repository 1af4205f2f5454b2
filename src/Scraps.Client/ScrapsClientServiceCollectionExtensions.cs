using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scraps.Client.Http;
using Scraps.Client.Resilience;

namespace Scraps.Client;

/// <summary>Registers <see cref="IScrapsClient"/>.</summary>
public static class ScrapsClientServiceCollectionExtensions
{
    /// <summary>The name of the client's resilience handler (and of its Polly pipeline, for telemetry).</summary>
    public const string PipelineName = "scraps";

    /// <summary>
    /// Registers <see cref="IScrapsClient"/> as a typed <see cref="HttpClient"/> with its resilience pipeline, and
    /// <see cref="ScrapsClientOptions"/> (validated on start). Returns the client builder, so that more handlers
    /// (authentication, a test server's handler) can be added; handlers added to it run inside the pipeline, once per attempt.
    /// </summary>
    /// <example><code>services.AddScrapsClient(o => o.BaseAddress = new Uri("http://scraps-service:8080/"));</code></example>
    public static IHttpClientBuilder AddScrapsClient(this IServiceCollection services, Action<ScrapsClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<ScrapsClientOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScrapsClientOptions>, ScrapsClientOptionsValidator>());

        var builder = services.AddHttpClient<IScrapsClient, ScrapsClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<ScrapsClientOptions>>().Value;
            var address = options.BaseAddress!.ToString();
            http.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

            // The pipeline's total timeout governs; HttpClient's own 100 s default would cut it short.
            http.Timeout = Timeout.InfiniteTimeSpan;
            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", options.ApiKey);
            }
        });
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var provider = context.ServiceProvider;
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(typeof(IScrapsClient).FullName!)
                ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            ScrapsResiliencePipeline.Configure(pipeline, provider.GetRequiredService<IOptions<ScrapsClientOptions>>().Value, logger);
        });
        return builder;
    }
}
