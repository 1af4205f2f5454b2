using Scraps.Service.Api;
using Scraps.Service.Errors;
using Scraps.Service.Hosting;
using Scraps.Service.OpenApi;
using Scraps.Service.Telemetry;

// Program.cs only wires: registrations in ServiceSetup, endpoints in the Map*Api classes.
var builder = WebApplication.CreateBuilder(args);
builder.AddScrapsService();

var app = builder.Build();
var engineHost = app.Services.GetRequiredService<EngineHost>();
app.UseExceptionHandler();
app.UseStatusCodePages(StatusCodeProblems.WriteAsync);
app.UseRouting();
app.UseScrapsRequestMetrics();
// API keys (Scraps:ApiKeys, off unless configured) before admission: an unknown caller takes no place.
app.UseMiddleware<Scraps.Service.Security.ApiKeyMiddleware>();
// Admission (Scraps:Admission) runs after routing, before any endpoint reads its body.
app.UseRateLimiter();
app.UseScrapsOpenApi();
app.MapHealthApi();
app.MapV1Group().MapScoringApi().MapEmbeddingApi().MapModelApi();
app.MapScrapsMetrics();
app.Run();

// Non-zero when the service stopped itself because the model cannot be served as configured (e.g. CUDA required).
return engineHost.ExitCode;

/// <summary>The service's entry point (public so that functional tests can host it with WebApplicationFactory).</summary>
public partial class Program;
