// Compiled at test time with the client NSwag generates from openapi/scraps.v1.json (GeneratedClientTests), not
// with the test project: every call below must compile against the generated method signatures.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;

namespace Scraps.Generated;

public static class GeneratedClientCalls
{
    /// <summary>Calls every operation of the document, JSON and multipart alike; the answers by operation id.</summary>
    public static async Task<Dictionary<string, object>> CallEveryOperationAsync(HttpClient http, byte[] speech, byte[] other)
    {
        var client = new ScrapsApiClient(http);
        FileParameter File(byte[] bytes, string name) => new FileParameter(new MemoryStream(bytes), name, "audio/wav");
        var answers = new Dictionary<string, object>();

        answers["Score"] = await client.ScoreAsync(false, null, null, new ScoreRequest { Audio = speech, Transcript = "hello world" });
        answers["ScoreMultipart"] = await client.ScoreMultipartAsync(false, null, null, File(speech, "speech.wav"), "hello world", null);
        answers["Rank"] = await client.RankAsync(new RankRequest { Audio = speech, Transcripts = new[] { "hello world", "good night moon" } });
        answers["RankMultipart"] = await client.RankMultipartAsync(File(speech, "speech.wav"), new[] { "hello world", "good night moon" }, null);
        answers["ScoreMatrix"] = await client.ScoreMatrixAsync(new ScoreMatrixRequest { Audios = new[] { speech, other }, Transcripts = new[] { "hello world", "good night moon" } });
        answers["ScoreMatrixMultipart"] = await client.ScoreMatrixMultipartAsync(
            new[] { File(speech, "speech.wav"), File(other, "other.wav") }, new[] { "hello world", "good night moon" }, null);
        answers["Compare"] = await client.CompareAsync(new CompareRequest { Audio = speech, Reference = other, Transcript = "hello world" });
        answers["CompareMultipart"] = await client.CompareMultipartAsync(File(speech, "speech.wav"), File(other, "other.wav"), "hello world", null);
        answers["EmbedAcoustic"] = await client.EmbedAcousticAsync(false, new AcousticEmbeddingRequest { Audio = speech });
        answers["EmbedAcousticMultipart"] = await client.EmbedAcousticMultipartAsync(false, File(speech, "speech.wav"));
        answers["EmbedPhonetic"] = await client.EmbedPhoneticAsync(true, new PhoneticEmbeddingRequest { Phonemes = "h @ l oU" });
        answers["GetModel"] = await client.GetModelAsync();
        answers["Live"] = await client.LiveAsync();
        answers["Ready"] = await client.ReadyAsync();
        await client.LiveHeadAsync();
        answers["LiveHead"] = "ok";
        await client.ReadyHeadAsync();
        answers["ReadyHead"] = "ok";
        answers["Metrics"] = await client.MetricsAsync();

        // A problem answer surfaces as the generated ApiException<ProblemDetails>, with the service's detail.
        try
        {
            await client.ScoreAsync(false, null, null, new ScoreRequest { Audio = speech, Transcript = "   " });
            answers["ScoreProblem"] = "no exception";
        }
        catch (ApiException<ProblemDetails> e)
        {
            answers["ScoreProblem"] = new Dictionary<string, object> { ["status"] = e.StatusCode, ["detail"] = e.Result.Detail };
        }

        // The caller's operating point: a threshold far below any logit accepts, far above rejects.
        answers["ScoreLowThreshold"] = await client.ScoreAsync(false, "strict", -1000, new ScoreRequest { Audio = speech, Transcript = "hello world" });
        answers["ScoreHighThreshold"] = await client.ScoreAsync(false, null, 1000, new ScoreRequest { Audio = speech, Transcript = "hello world" });

        return answers;
    }

    /// <summary>
    /// A service with API keys: the status a call without a key gets, and the score a call with one gets (the key
    /// set on the HttpClient as the document's bearer scheme says).
    /// </summary>
    public static async Task<(int WithoutKey, double WithKey)> CallWithAndWithoutKeyAsync(HttpClient http, byte[] speech, string key)
    {
        var client = new ScrapsApiClient(http);
        int withoutKey;
        try
        {
            await client.GetModelAsync();
            withoutKey = 200;
        }
        catch (ApiException e)
        {
            withoutKey = e.StatusCode;
        }

        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var score = await client.ScoreAsync(false, null, null, new ScoreRequest { Audio = speech, Transcript = "hello world" });
        return (withoutKey, score.Score);
    }
}
