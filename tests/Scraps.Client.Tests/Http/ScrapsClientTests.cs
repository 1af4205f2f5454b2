using System.Net;
using Scraps.Client.Tests.Support;

namespace Scraps.Client.Tests.Http;

/// <summary>Every v1 operation through the typed client against the real service in memory.</summary>
public sealed class ScrapsClientTests(ReadyService service) : IClassFixture<ReadyService>
{
    private const string Transcript = "Alexa, end this call on my phone.";

    [Fact]
    public async Task Score_returns_the_calibrated_score_of_a_clip_and_its_transcript()
    {
        using var provider = ClientProvider.For(service);

        var result = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = Transcript });

        // The test package's calibration: p = 1 / (1 + exp(-(0.5 score - 0.25))), match at score >= 0.5.
        Assert.Equal(1 / (1 + Math.Exp(-((0.5 * result.Score) - 0.25))), result.Probability, 9);
        Assert.Equal(result.Score >= 0.5, result.Match);
        Assert.Contains("|,", result.Phonemes, StringComparison.Ordinal);
        Assert.Equal(2.646, result.AudioSeconds, 3);
        Assert.Equal("service-test@0.1.0", result.Model);
    }

    [Fact]
    public async Task Score_by_phonemes_equals_score_by_transcript()
    {
        using var provider = ClientProvider.For(service);
        var byText = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = Transcript });

        var byPhonemes = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Phonemes = byText.Phonemes });

        Assert.Equal(byText.Score, byPhonemes.Score, 5);
        Assert.Equal(byText.Phonemes, byPhonemes.Phonemes);
    }

    [Fact]
    public async Task Score_matrix_holds_the_pair_scores_with_row_and_column_softmax()
    {
        using var provider = ClientProvider.For(service);
        string[] transcripts = [Transcript, "Hello there."];

        var matrix = await provider.Client.ScoreMatrixAsync(new ScoreMatrixRequest { Audios = [Clips.Speech, Clips.Flite], Transcripts = transcripts });
        var single = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Flite, Transcript = transcripts[1] });

        Assert.Equal(2, matrix.Scores.Length);
        Assert.All(matrix.Scores, row => Assert.Equal(2, row.Length));
        Assert.All(matrix.RowSoftmax, row => Assert.Equal(1, row.Sum(), 9));
        Assert.Equal(1, matrix.ColumnSoftmax.Sum(row => row[0]), 9);
        Assert.Equal(single.Score, matrix.Scores[1][1], 4);
        Assert.Equal(2, matrix.Phonemes.Length);
        Assert.Equal(2, matrix.AudioSeconds.Length);
    }

    [Fact]
    public async Task Acoustic_embedding_has_the_model_dimension_and_per_step_outputs_on_request()
    {
        using var provider = ClientProvider.For(service);
        var model = await provider.Client.GetModelAsync();

        var plain = await provider.Client.EmbedAcousticAsync(new AcousticEmbeddingRequest { Audio = Clips.Speech });
        var withSequence = await provider.Client.EmbedAcousticAsync(new AcousticEmbeddingRequest { Audio = Clips.Speech }, sequence: true);

        Assert.Null(plain.Sequence);
        Assert.Equal(model.Dimensions.Embedding, plain.Dimension);
        Assert.Equal(plain.Dimension, plain.Embedding.Length);
        Assert.Equal(plain.Embedding, withSequence.Embedding);
        var sequence = withSequence.Sequence!;
        Assert.Equal(model.Dimensions.Backbone, sequence.Dimension);
        Assert.Equal(sequence.Steps, sequence.Values.Length);
        Assert.All(sequence.Values, step => Assert.Equal(sequence.Dimension, step.Length));
    }

    [Fact]
    public async Task Phonetic_embedding_of_a_transcript_equals_that_of_its_phonemes()
    {
        using var provider = ClientProvider.For(service);

        var text = await provider.Client.EmbedPhoneticAsync(new PhoneticEmbeddingRequest { Transcript = "Hello, world." }, sequence: true);
        var phonemes = await provider.Client.EmbedPhoneticAsync(new PhoneticEmbeddingRequest { Phonemes = text.Phonemes });

        Assert.Equal(text.Embedding, phonemes.Embedding);
        Assert.Equal(text.Phonemes.Split(' ').Length, text.Sequence!.Steps);
        Assert.Null(phonemes.Sequence);
    }

    [Fact]
    public async Task Compare_of_a_clip_with_itself_has_cosine_one_and_scores_the_transcript_like_score()
    {
        using var provider = ClientProvider.For(service);

        var compared = await provider.Client.CompareAsync(new CompareRequest { Audio = Clips.Speech, Reference = Clips.Speech, Transcript = Transcript });
        var scored = await provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.Speech, Transcript = Transcript });
        var withoutText = await provider.Client.CompareAsync(new CompareRequest { Audio = Clips.Speech, Reference = Clips.Flite });

        Assert.Equal(1, compared.Cosine, 5);
        Assert.Equal(compared.AudioSeconds, compared.ReferenceSeconds, 9);
        Assert.Equal(scored.Score, compared.Transcript!.Score, 4);
        Assert.Equal(scored.Phonemes, compared.Transcript.Phonemes);
        Assert.Null(withoutText.Transcript);
        Assert.True(withoutText.Cosine < 1);
    }

    [Fact]
    public async Task Model_describes_the_loaded_package_and_the_limits()
    {
        using var provider = ClientProvider.For(service);

        var model = await provider.Client.GetModelAsync();

        Assert.Equal("service-test", model.Name);
        Assert.Equal("0.1.0", model.Version);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), model.Created);
        Assert.Equal(0.5, model.Calibration.A);
        Assert.Equal(-0.25, model.Calibration.B);
        Assert.Equal(512, model.Dimensions.MaxPositions);
        Assert.All(model.Inventory.Symbols, s => Assert.InRange(s.Id, 0, model.Dimensions.VocabularySize - 1));
        Assert.Equal(model.Inventory.Symbols.Count, model.Inventory.Symbols.Select(s => s.Id).Distinct().Count());
        Assert.Contains(model.Inventory.Symbols, s => s.XSampa == "|," && s.Kind == "pause");
        Assert.Equal("Cpu", model.ExecutionProvider);
        Assert.InRange(model.Limits.MaxAudioSeconds, 1, 30); // the configured 30 s, or less when the model's positional table is shorter
        Assert.Equal("random weights", model.TrainingSummary!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_probes_answer_alive_and_ready_with_the_model()
    {
        using var provider = ClientProvider.For(service);

        var live = await provider.Client.GetLivenessAsync();
        var ready = await provider.Client.GetReadinessAsync();

        Assert.Equal("alive", live.Status);
        Assert.Equal("ready", ready.Status);
        Assert.Equal("service-test@0.1.0", ready.Model);
    }

    [Fact]
    public async Task An_unscorable_clip_ends_as_a_typed_422_with_the_services_problem_and_is_not_retried()
    {
        using var provider = ClientProvider.For(service);

        var error = await Assert.ThrowsAsync<ScrapsApiException>(
            () => provider.Client.ScoreAsync(new ScoreRequest { Audio = Clips.TooShort, Transcript = Transcript }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal(422, error.Problem.Status);
        Assert.Equal("Input cannot be scored", error.Title);
        Assert.Contains("short", error.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.True(error.Problem.Extensions?.ContainsKey("traceId"));
        Assert.Equal("POST v1/score", error.Operation);
        Assert.Single(provider.Faults.Attempts);
    }

    [Fact]
    public async Task A_request_with_both_transcript_and_phonemes_ends_as_a_typed_400()
    {
        using var provider = ClientProvider.For(service);

        var error = await Assert.ThrowsAsync<ScrapsApiException>(
            () => provider.Client.EmbedPhoneticAsync(new PhoneticEmbeddingRequest { Transcript = "hello", Phonemes = "h @ l oU" }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("phonemes", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_request_is_refused_before_anything_is_sent()
    {
        using var provider = ClientProvider.For(service);

        await Assert.ThrowsAsync<ArgumentNullException>(() => provider.Client.ScoreAsync(null!));

        Assert.Empty(provider.Faults.Attempts);
    }

    [Fact]
    public async Task A_success_status_with_a_body_that_is_not_the_response_ends_as_a_typed_error()
    {
        using var provider = new ClientProvider(() => new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html>proxy login</html>", System.Text.Encoding.UTF8, "application/json"),
        }));

        var error = await Assert.ThrowsAsync<ScrapsApiException>(() => provider.Client.GetModelAsync());

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal("Unreadable response", error.Title);
        Assert.Contains("ModelResponse", error.Detail, StringComparison.Ordinal);
    }
}
