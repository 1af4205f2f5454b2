using NAudio.Wave;
using Scraps.Client.NAudio;

namespace Scraps.Client;

/// <summary>
/// The audio operations of <see cref="IScrapsClient"/> for audio held as NAudio objects: an
/// <see cref="ISampleProvider"/> (a mixer, an effect chain, a generator bounded with <c>Take</c>) or a
/// <see cref="WaveStream"/> (a <c>WaveFileReader</c>, a <c>RawSourceWaveStream</c>). Each is read to its end and sent
/// as a float32 WAV file with its own sample rate and channels (<see cref="SampleProviderWav"/>).
/// </summary>
public static class ScrapsClientNAudioExtensions
{
    /// <summary><c>POST /v1/score</c> on NAudio audio: a transcript, or X-SAMPA <paramref name="phonemes"/> instead.</summary>
    public static Task<ScoreResponse> ScoreAsync(
        this IScrapsClient client, ISampleProvider audio, string? transcript, string? phonemes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScoreAsync(new ScoreRequest { Audio = SampleProviderWav.Encode(audio), Transcript = transcript, Phonemes = phonemes }, cancellationToken);
    }

    /// <inheritdoc cref="ScoreAsync(IScrapsClient, ISampleProvider, string?, string?, CancellationToken)"/>
    public static Task<ScoreResponse> ScoreAsync(
        this IScrapsClient client, WaveStream audio, string? transcript, string? phonemes = null, CancellationToken cancellationToken = default) =>
        client.ScoreAsync(Samples(audio), transcript, phonemes, cancellationToken);

    /// <summary><c>POST /v1/score?words=true</c> on NAudio audio: the score with every word's span, confidence and match.</summary>
    public static Task<ScoreResponse> ScoreWithWordsAsync(
        this IScrapsClient client, ISampleProvider audio, string transcript, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.ScoreWithWordsAsync(new ScoreRequest { Audio = SampleProviderWav.Encode(audio), Transcript = transcript }, cancellationToken);
    }

    /// <inheritdoc cref="ScoreWithWordsAsync(IScrapsClient, ISampleProvider, string, CancellationToken)"/>
    public static Task<ScoreResponse> ScoreWithWordsAsync(
        this IScrapsClient client, WaveStream audio, string transcript, CancellationToken cancellationToken = default) =>
        client.ScoreWithWordsAsync(Samples(audio), transcript, cancellationToken);

    /// <summary><c>POST /v1/rank</c> on NAudio audio: candidate transcripts, best first.</summary>
    public static Task<RankResponse> RankAsync(
        this IScrapsClient client, ISampleProvider audio, IReadOnlyList<string> transcripts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.RankAsync(new RankRequest { Audio = SampleProviderWav.Encode(audio), Transcripts = transcripts }, cancellationToken);
    }

    /// <inheritdoc cref="RankAsync(IScrapsClient, ISampleProvider, IReadOnlyList{string}, CancellationToken)"/>
    public static Task<RankResponse> RankAsync(
        this IScrapsClient client, WaveStream audio, IReadOnlyList<string> transcripts, CancellationToken cancellationToken = default) =>
        client.RankAsync(Samples(audio), transcripts, cancellationToken);

    /// <summary><c>POST /v1/embed/acoustic</c> on NAudio audio.</summary>
    public static Task<AcousticEmbeddingResponse> EmbedAcousticAsync(
        this IScrapsClient client, ISampleProvider audio, bool sequence = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.EmbedAcousticAsync(new AcousticEmbeddingRequest { Audio = SampleProviderWav.Encode(audio) }, sequence, cancellationToken);
    }

    /// <inheritdoc cref="EmbedAcousticAsync(IScrapsClient, ISampleProvider, bool, CancellationToken)"/>
    public static Task<AcousticEmbeddingResponse> EmbedAcousticAsync(
        this IScrapsClient client, WaveStream audio, bool sequence = false, CancellationToken cancellationToken = default) =>
        client.EmbedAcousticAsync(Samples(audio), sequence, cancellationToken);

    /// <summary><c>POST /v1/compare</c> on NAudio audio: a clip against a reference clip, optionally against a transcript.</summary>
    public static Task<CompareResponse> CompareAsync(
        this IScrapsClient client, ISampleProvider audio, ISampleProvider reference, string? transcript = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.CompareAsync(
            new CompareRequest { Audio = SampleProviderWav.Encode(audio), Reference = SampleProviderWav.Encode(reference), Transcript = transcript },
            cancellationToken);
    }

    /// <inheritdoc cref="CompareAsync(IScrapsClient, ISampleProvider, ISampleProvider, string?, CancellationToken)"/>
    public static Task<CompareResponse> CompareAsync(
        this IScrapsClient client, WaveStream audio, WaveStream reference, string? transcript = null, CancellationToken cancellationToken = default) =>
        client.CompareAsync(Samples(audio), Samples(reference), transcript, cancellationToken);

    private static ISampleProvider Samples(WaveStream audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        return audio.ToSampleProvider();
    }
}
