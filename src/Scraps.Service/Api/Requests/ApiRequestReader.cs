using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Scraps.Service.Api.Contracts;
using Scraps.Service.Configuration;
using Scraps.Service.Errors;

namespace Scraps.Service.Api.Requests;

/// <summary>
/// Reads the v1 request bodies: JSON with base64 audio, or multipart/form-data with audio file parts. Enforces the
/// body size limit (413) and turns every malformed body into a 400 with a detail that names the field.
/// </summary>
internal sealed class ApiRequestReader(IOptions<RequestLimitsOptions> limits, IOptions<JsonOptions> json)
{
    public async Task<ScoreInput> ReadScoreAsync(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync<ScoreRequest>(request, accepted, cancellationToken) is { } body)
        {
            var text = TextInput.Of(body.Transcript, body.Phonemes);
            return new ScoreInput(Base64("audio", body.Audio), text);
        }

        var form = await ReadFormAsync<ScoreForm>(request, cancellationToken);
        var formText = TextInput.Of(SingleField(form, "transcript"), SingleField(form, "phonemes"));
        return new ScoreInput(await SingleFileAsync(form, "audio", cancellationToken), formText);
    }

    public async Task<ScoreMatrixInput> ReadScoreMatrixAsync(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
    {
        IReadOnlyList<AudioPart> audios;
        IReadOnlyList<string>? transcripts;
        IReadOnlyList<string>? phonemes;
        if (await ReadBodyAsync<ScoreMatrixRequest>(request, accepted, cancellationToken) is { } body)
        {
            audios = (body.Audios ?? throw new RequestFormatException("field 'audios' (a list of base64 clips) is missing"))
                .Select((audio, i) => Base64($"audios[{i}]", audio)).ToArray();
            transcripts = body.Transcripts;
            phonemes = body.Phonemes;
        }
        else
        {
            var form = await ReadFormAsync<ScoreMatrixForm>(request, cancellationToken);
            var files = form.Files.GetFiles("audio");
            var parts = new List<AudioPart>(files.Count);
            for (var i = 0; i < files.Count; i++)
            {
                parts.Add(await ReadFileAsync(files[i], $"audio[{i}]", cancellationToken));
            }

            audios = parts;
            transcripts = Fields(form, "transcript");
            phonemes = Fields(form, "phonemes");
        }

        var (_, texts) = TextList(transcripts, phonemes, "give 'transcripts' (or 'phonemes'): the matrix needs at least one column");

        var max = limits.Value;
        if (audios.Count == 0 || texts.Length == 0)
        {
            throw new RequestFormatException($"the matrix needs at least one clip and one column; got {audios.Count} clips and {texts.Length} columns");
        }

        if (audios.Count > max.MaxMatrixAudios || texts.Length > max.MaxMatrixTranscripts)
        {
            throw new PayloadTooLargeException(
                $"the matrix is {audios.Count}x{texts.Length}; the limit is {max.MaxMatrixAudios} clips x {max.MaxMatrixTranscripts} columns");
        }

        return new ScoreMatrixInput(audios, texts);
    }

    public async Task<RankInput> ReadRankAsync(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
    {
        AudioPart audio;
        IReadOnlyList<string>? transcripts;
        IReadOnlyList<string>? phonemes;
        if (await ReadBodyAsync<RankRequest>(request, accepted, cancellationToken) is { } body)
        {
            audio = Base64("audio", body.Audio);
            transcripts = body.Transcripts;
            phonemes = body.Phonemes;
        }
        else
        {
            var form = await ReadFormAsync<RankForm>(request, cancellationToken);
            audio = await SingleFileAsync(form, "audio", cancellationToken);
            transcripts = Fields(form, "transcript");
            phonemes = Fields(form, "phonemes");
        }

        var (field, candidates) = TextList(transcripts, phonemes, "give 'transcripts' (or 'phonemes'): the candidates to rank");
        if (candidates.Length == 0)
        {
            throw new RequestFormatException($"'{field}' is empty: give at least one candidate");
        }

        if (candidates.Length > limits.Value.MaxRankCandidates)
        {
            throw new PayloadTooLargeException($"{candidates.Length} candidates; the limit is {limits.Value.MaxRankCandidates}");
        }

        return new RankInput(audio, candidates);
    }

    /// <summary>The texts of a matrix or rank request: 'transcripts' or 'phonemes' (one, not both), each named by its index.</summary>
    private static (string Field, TextInput[] Texts) TextList(IReadOnlyList<string>? transcripts, IReadOnlyList<string>? phonemes, string missing)
    {
        if (transcripts is not null && phonemes is not null)
        {
            throw new RequestFormatException("give either 'transcripts' or 'phonemes', not both");
        }

        var texts = transcripts ?? phonemes ?? throw new RequestFormatException(missing);
        var field = transcripts is not null ? "transcripts" : "phonemes";
        return (field, texts.Select((text, i) => new TextInput($"{field}[{i}]", text ?? string.Empty, IsPhonemes: phonemes is not null)).ToArray());
    }

    public async Task<AudioPart> ReadAcousticEmbeddingAsync(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync<AcousticEmbeddingRequest>(request, accepted, cancellationToken) is { } body)
        {
            return Base64("audio", body.Audio);
        }

        return await SingleFileAsync(await ReadFormAsync<AudioForm>(request, cancellationToken), "audio", cancellationToken);
    }

    public async Task<TextInput> ReadPhoneticEmbeddingAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync<PhoneticEmbeddingRequest>(request, BodyKinds.Json, cancellationToken);
        return TextInput.Of(body!.Transcript, body.Phonemes);
    }

    public async Task<CompareInput> ReadCompareAsync(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
    {
        if (await ReadBodyAsync<CompareRequest>(request, accepted, cancellationToken) is { } body)
        {
            var text = TextInput.Optional(body.Transcript, body.Phonemes);
            return new CompareInput(Base64("audio", body.Audio), Base64("reference", body.Reference), text);
        }

        var form = await ReadFormAsync<CompareForm>(request, cancellationToken);
        var formText = TextInput.Optional(SingleField(form, "transcript"), SingleField(form, "phonemes"));
        return new CompareInput(
            await SingleFileAsync(form, "audio", cancellationToken),
            await SingleFileAsync(form, "reference", cancellationToken),
            formText);
    }

    /// <summary>The JSON body, or null when the request is multipart (read it with <see cref="ReadFormAsync"/>).</summary>
    private async Task<T?> ReadBodyAsync<T>(HttpRequest request, BodyKinds accepted, CancellationToken cancellationToken)
        where T : class
    {
        var mediaType = MediaTypeOf(request);
        var isJson = mediaType is not null
            && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var isMultipart = mediaType is not null && mediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        if (!(isJson && accepted.HasFlag(BodyKinds.Json)) && !(isMultipart && accepted.HasFlag(BodyKinds.Multipart)))
        {
            throw new UnsupportedContentTypeException(accepted switch
            {
                BodyKinds.Json => $"Content-Type '{request.ContentType}' is not supported: send application/json",
                BodyKinds.Multipart => $"Content-Type '{request.ContentType}' is not supported: send multipart/form-data with the audio as file parts "
                    + $"(JSON with base64 audio goes to {request.Path.Value?.Replace("/multipart", string.Empty, StringComparison.Ordinal)})",
                _ => $"Content-Type '{request.ContentType}' is not supported: send application/json (audio as base64) or multipart/form-data (audio as a file part)",
            });
        }

        var body = LimitBody(request);
        if (!isJson)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<T>(body, json.Value.SerializerOptions, cancellationToken)
                ?? throw new RequestFormatException("the request body is JSON null; send an object");
        }
        catch (JsonException e) when (Base64AudioConverter.IsOwnMessage(e.Message))
        {
            throw new RequestFormatException($"field '{e.Path?.TrimStart('$', '.')}' {e.Message}");
        }
        catch (JsonException e) when (JsonErrorText.UnknownMember(e) is { } unknown)
        {
            throw new RequestFormatException($"field '{unknown}' is not part of this request; its fields are {RequestFields.Of(typeof(T))}");
        }
        catch (JsonException e)
        {
            throw new RequestFormatException($"the request body is not valid JSON for this endpoint: {JsonErrorText.Describe(e)}");
        }
    }

    /// <summary>The multipart form, whose parts must all be fields of <typeparamref name="TForm"/>.</summary>
    private async Task<IFormCollection> ReadFormAsync<TForm>(HttpRequest request, CancellationToken cancellationToken)
    {
        var max = limits.Value.MaxRequestBytes;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = max,
            ValueLengthLimit = (int)Math.Min(int.MaxValue, max),
            MultipartBoundaryLengthLimit = 256,
        }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new RequestFormatException($"the multipart/form-data body is malformed: {e.Message}");
        }
        catch (IOException e) when (e is not BadHttpRequestException && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The multipart reader ends with "Unexpected end of Stream" when the body's boundary is not the header's, or
            // the closing boundary is missing: the client sent a malformed body (400), not a server fault.
            throw new RequestFormatException(
                $"the multipart/form-data body is malformed (its parts must be delimited by the boundary in Content-Type and end with the closing boundary): {e.Message}");
        }

        // The schema says additionalProperties: false; a misspelt part ("transcipt") must not be ignored silently.
        var fields = RequestFields.Names(typeof(TForm));
        var unknown = form.Keys.Concat(form.Files.Select(f => f.Name)).FirstOrDefault(name => !fields.Contains(name));
        if (unknown is not null)
        {
            throw new RequestFormatException($"part '{unknown}' is not part of this request; its parts are {RequestFields.Of(typeof(TForm))}");
        }

        return form;
    }

    /// <summary>Checks Content-Length and wraps the body so that a longer (or chunked) body fails with 413.</summary>
    private Stream LimitBody(HttpRequest request)
    {
        var max = limits.Value.MaxRequestBytes;
        if (request.ContentLength > max)
        {
            throw new PayloadTooLargeException(
                $"the request body is {request.ContentLength} bytes; the limit is {max} bytes (Scraps:Limits:MaxRequestBytes)");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = max;
        }

        if (request.Body is not LengthLimitedStream)
        {
            request.Body = new LengthLimitedStream(request.Body, max);
        }

        return request.Body;
    }

    private static string? MediaTypeOf(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value : null;

    private static AudioPart Base64(string field, byte[]? value) =>
        new(field, value ?? throw new RequestFormatException($"field '{field}' (base64 audio) is missing"));

    private static async Task<AudioPart> SingleFileAsync(IFormCollection form, string name, CancellationToken cancellationToken)
    {
        var files = form.Files.GetFiles(name);
        return files.Count switch
        {
            1 => await ReadFileAsync(files[0], name, cancellationToken),
            0 => throw new RequestFormatException(form.ContainsKey(name)
                ? $"part '{name}' must be a file part (with a filename), not a text field"
                : $"file part '{name}' is missing"),
            _ => throw new RequestFormatException($"give one file part '{name}', not {files.Count}"),
        };
    }

    private static async Task<AudioPart> ReadFileAsync(IFormFile file, string field, CancellationToken cancellationToken)
    {
        var bytes = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return new AudioPart(field, bytes);
    }

    private static string? SingleField(IFormCollection form, string name)
    {
        if (!form.TryGetValue(name, out var values))
        {
            return null;
        }

        return values.Count == 1 ? values[0] : throw new RequestFormatException($"give one '{name}' field, not {values.Count}");
    }

    private static IReadOnlyList<string>? Fields(IFormCollection form, string name) =>
        form.TryGetValue(name, out StringValues values) ? values.Select(v => v ?? string.Empty).ToArray() : null;
}
