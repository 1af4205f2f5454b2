using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Configuration;
using Scraps.Service.Hosting;

namespace Scraps.Service.Api;

/// <summary>GET /v1/model.</summary>
internal static class ModelApi
{
    public static RouteGroupBuilder MapModelApi(this RouteGroupBuilder v1)
    {
        v1.MapGet("/model", GetModel)
            .WithName("GetModel")
            .WithTags("Model")
            .WithSummary("The loaded model and the service's input limits")
            .WithDescription("Name, version, sizes, phoneme inventory, G2P engine, score calibration, training summary, and what one request may carry.");
        return v1;
    }

    private static Ok<ModelResponse> GetModel(HttpContext context, IOptions<RequestLimitsOptions> limitOptions)
    {
        var engine = AdmittedEngine.Of(context);
        var manifest = engine.Model.Manifest;
        var architecture = manifest.Architecture;
        var limits = limitOptions.Value;
        return TypedResults.Ok(new ModelResponse
        {
            Name = manifest.Name,
            Version = manifest.Version,
            Created = manifest.Created,
            Dimensions = new ModelDimensions
            {
                Embedding = architecture.LstmHidden,
                Backbone = architecture.ModelDim,
                Layers = architecture.Layers,
                Heads = architecture.Heads,
                FeedForward = architecture.FfnDim,
                MelBins = architecture.MelBins,
                AcousticSubsampling = architecture.AcousticSubsampling,
                MaxPositions = architecture.MaxPositions,
                VocabularySize = architecture.VocabSize,
                CtcHead = architecture.CtcHead,
            },
            Inventory = new PhonemeInventoryDescription
            {
                Version = manifest.Phonemes.Version,
                Symbols = manifest.Phonemes.Symbols
                    .Select(s => new PhonemeDescription { Id = s.Id, XSampa = s.XSampa, Ipa = s.Ipa, Kind = s.Kind })
                    .ToArray(),
            },
            G2p = new G2pDescription { Engine = manifest.G2p.Engine, Voice = manifest.G2p.Voice, Version = manifest.G2p.Version },
            Calibration = new CalibrationDescription
            {
                Kind = manifest.Calibration.Kind,
                A = manifest.Calibration.A,
                B = manifest.Calibration.B,
                Threshold = manifest.Threshold,
                Verdict = manifest.Verdict is { } v
                    ? new VerdictDescription
                    {
                        ScoreWeight = v.ScoreWeight,
                        AlignmentWeight = v.AlignmentWeight,
                        WordWeight = v.WordWeight,
                        Bias = v.Bias,
                        Threshold = v.Threshold,
                        WordThreshold = v.WordThreshold,
                    }
                    : null,
            },
            TrainingSummary = manifest.TrainingSummary,
            ExecutionProvider = engine.Model.Provider.Running.ToString(),
            Provider = new ProviderDescription
            {
                Requested = engine.Model.Provider.Requested.ToString(),
                Running = engine.Model.Provider.Running.ToString(),
                Devices = engine.Model.Provider.Devices,
                Reason = engine.Model.Provider.Reason,
            },
            Limits = new InputLimits
            {
                MaxAudioSeconds = engine.Scorer.Inputs.Limits.MaxAudioSeconds,
                MinAudioMilliseconds = limits.MinAudioMilliseconds,
                MaxTranscriptCharacters = limits.MaxTranscriptCharacters,
                MaxPhonemes = manifest.Architecture.MaxPositions,
                MaxMatrixAudios = limits.MaxMatrixAudios,
                MaxMatrixTranscripts = limits.MaxMatrixTranscripts,
                MaxRankCandidates = limits.MaxRankCandidates,
                MaxRequestBytes = limits.MaxRequestBytes,
            },
        });
    }
}
