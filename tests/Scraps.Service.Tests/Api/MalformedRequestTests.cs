using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Scraps.Service.Tests.Support;

namespace Scraps.Service.Tests.Api;

/// <summary>
/// More than 150 distinct malformed requests, as an attacker or a careless client would send them: each gets its
/// status, an application/problem+json body whatever the Accept header, and a detail that names the problem; none
/// gets a 5xx.
/// </summary>
public sealed class MalformedRequestTests(MalformedRequestTests.SmallLimits factory) : IClassFixture<MalformedRequestTests.SmallLimits>
{
    /// <summary>The service with a 1 MB body limit (so "too large" needs no 32 MB upload).</summary>
    public sealed class SmallLimits() : ServiceFactory(new Dictionary<string, string?> { ["Scraps:Limits:MaxRequestBytes"] = "1048576" });

    /// <summary>One malformed request: how to send it and what must come back.</summary>
    public sealed record Case(string Name, Func<HttpRequestMessage> Request, HttpStatusCode Status, string Detail)
    {
        public override string ToString() => Name;
    }

    private static readonly byte[] Speech = TestClips.Speech;
    private static readonly string Speech64 = Convert.ToBase64String(Speech);

    public static TheoryData<Case> Cases()
    {
        var cases = new List<Case>();
        void Add(string name, Func<HttpRequestMessage> request, HttpStatusCode status, string detail) => cases.Add(new Case(name, request, status, detail));

        // --- WAV header faults, on the score endpoint (multipart) ---------------------------------------------
        foreach (var length in new[] { 1, 3, 4, 8, 11 })
        {
            Add($"wav cut to {length} bytes", () => Score(Speech[..length]), HttpStatusCode.BadRequest, "too short to be an audio file");
        }

        foreach (var length in new[] { 12, 16, 20, 24, 30, 36, 40, 43 })
        {
            Add($"wav cut inside its header at {length} bytes", () => Score(Speech[..length]), HttpStatusCode.BadRequest, "audio cannot be decoded");
        }

        Add("wav magic RIFX", () => Score(Patch(Speech, 0, "RIFX")), HttpStatusCode.BadRequest, "audio cannot be decoded");
        Add("wav form WAVX", () => Score(Patch(Speech, 8, "WAVX")), HttpStatusCode.UnsupportedMediaType, "not recognised");
        Add("wav without fmt chunk", () => Score(Riff([("data", new byte[16000])])), HttpStatusCode.BadRequest, "fmt");
        Add("wav without data chunk", () => Score(Riff([("fmt ", Fmt(1, 1, 16000, 16))])), HttpStatusCode.BadRequest, "data");
        Add("wav fmt chunk of 8 bytes", () => Score(Wav(fmt: new byte[8])), HttpStatusCode.BadRequest, "fmt");
        Add("wav with 0 channels", () => Score(Wav(fmt: Fmt(1, 0, 16000, 16))), HttpStatusCode.BadRequest, "channels");
        Add("wav at 0 Hz", () => Score(Wav(fmt: Fmt(1, 1, 0, 16))), HttpStatusCode.BadRequest, "sampleRate is 0");
        Add("wav at 5 MHz", () => Score(Wav(fmt: Fmt(1, 1, 5_000_000, 16))), HttpStatusCode.UnsupportedMediaType, "supported rates are 1000 to 768000 Hz");
        Add("wav at 500 Hz", () => Score(Wav(fmt: Fmt(1, 1, 500, 16))), HttpStatusCode.UnsupportedMediaType, "supported rates are 1000 to 768000 Hz");
        Add("wav with an unknown format tag", () => Score(Wav(fmt: Fmt(0x1234, 1, 16000, 16))), HttpStatusCode.UnsupportedMediaType, "not supported");
        Add("wav with block align 0", () => Score(Wav(fmt: Fmt(1, 1, 16000, 16, blockAlign: 0))), HttpStatusCode.BadRequest, "block");
        Add("wav of only silence-free NaN floats", () => Score(FloatWav(float.NaN, 16000)), HttpStatusCode.UnprocessableEntity, "no finite samples");
        Add("wav of only infinities", () => Score(FloatWav(float.PositiveInfinity, 16000)), HttpStatusCode.UnprocessableEntity, "no finite samples");
        Add("wav of 50 ms", () => Score(TestClips.TooShort), HttpStatusCode.UnprocessableEntity, "the shortest clip scored is 100 ms");
        Add("wav of 31 s", () => Score(TestClips.Tone(31, 8000)), HttpStatusCode.UnprocessableEntity, "'audio' is 31 s long; the longest clip scored is");
        Add("empty audio file part", () => Score([]), HttpStatusCode.BadRequest, "empty");

        // The same faults reach every endpoint that takes audio, each naming its own field.
        foreach (var (endpoint, make) in AudioEndpoints())
        {
            Add($"{endpoint}: wav cut at 20 bytes", () => make(Speech[..20]), HttpStatusCode.BadRequest, "audio cannot be decoded");
            Add($"{endpoint}: not audio at all", () => make(Encoding.UTF8.GetBytes("this is a text file, not a recording")), HttpStatusCode.UnsupportedMediaType, "not recognised");
            Add($"{endpoint}: all-NaN wav", () => make(FloatWav(float.NaN, 4000)), HttpStatusCode.UnprocessableEntity, "no finite samples");
            Add($"{endpoint}: 31 s clip", () => make(TestClips.Tone(31, 8000)), HttpStatusCode.UnprocessableEntity, "31 s long; the longest clip scored is");
            Add($"{endpoint}: 50 ms clip", () => make(TestClips.TooShort), HttpStatusCode.UnprocessableEntity, "shortest clip scored is 100 ms");
        }

        // --- Other containers, broken ------------------------------------------------------------------------
        foreach (var file in new[] { "flite_16k.flac", "flite_16k.ogg", "flite_16k.opus", "flite_16k.mp3" })
        {
            var bytes = TestClips.Read(file);
            // libsndfile tells a stream it cannot open (415: not this format) from one it cannot read (400).
            var unopenable = file.EndsWith(".mp3", StringComparison.Ordinal) ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest;
            Add($"{file} cut to 16 bytes", () => Score(bytes[..16]), unopenable, "libsndfile");
            Add($"{file} with its body zeroed", () => Score([.. bytes[..4], .. new byte[bytes.Length - 4]]), unopenable, "libsndfile");
        }

        Add("aiff magic only", () => Score(Encoding.ASCII.GetBytes("FORM\0\0\0\x04AIFF")), HttpStatusCode.UnsupportedMediaType, "libsndfile cannot open");

        // --- base64 in JSON ----------------------------------------------------------------------------------
        Add("base64 with symbols", () => Json("/v1/score", "{\"audio\": \"@@not-base64@@\", \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' is not valid base64");
        Add("base64 with bad padding", () => Json("/v1/score", "{\"audio\": \"QUJD=\", \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "not valid base64");
        Add("base64 of an empty string", () => Json("/v1/score", "{\"audio\": \"\", \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "empty");
        Add("base64 of three bytes", () => Json("/v1/score", "{\"audio\": \"QUJD\", \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "too short to be an audio file");
        Add("audio as a number", () => Json("/v1/score", "{\"audio\": 12, \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' must be a base64 string, not a number");
        Add("audio as an array", () => Json("/v1/score", "{\"audio\": [1, 2], \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' must be a base64 string, not an array");
        Add("audio as an object", () => Json("/v1/score", "{\"audio\": {\"a\": 1}, \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' must be a base64 string, not an object");
        Add("audio as true", () => Json("/v1/score", "{\"audio\": true, \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' must be a base64 string, not a boolean");
        Add("audio null", () => Json("/v1/score", "{\"audio\": null, \"transcript\": \"hi\"}"), HttpStatusCode.BadRequest, "field 'audio' (base64 audio) is missing");
        Add("matrix audios with a broken element", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\", \"%%\"], \"transcripts\": [\"hi\"]}}"), HttpStatusCode.BadRequest, "base64");

        // --- Content types -------------------------------------------------------------------------------------
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "audio/wav", "application/octet-stream" })
        {
            Add($"score as {type}", () => Raw("/v1/score", Speech, type), HttpStatusCode.UnsupportedMediaType, "is not supported");
        }

        Add("score without a content type", () => Raw("/v1/score", Speech, null), HttpStatusCode.UnsupportedMediaType, "is not supported");
        Add("multipart without a boundary", () => Raw("/v1/score", Encoding.ASCII.GetBytes("--x\r\n"), "multipart/form-data"), HttpStatusCode.BadRequest, "boundary");
        Add("phonetic embedding as multipart", () => Post("/v1/embed/phonetic", Requests.Multipart(("transcript", "hi"))), HttpStatusCode.UnsupportedMediaType, "send application/json");

        // --- Multipart faults ----------------------------------------------------------------------------------
        Add("multipart whose boundary differs from the header's", () => Raw("/v1/score",
            Encoding.ASCII.GetBytes("--zzz\r\nContent-Disposition: form-data; name=\"transcript\"\r\n\r\nhi\r\n--zzz--\r\n"), "multipart/form-data; boundary=abc"), HttpStatusCode.BadRequest, "malformed");
        Add("multipart without its closing boundary", () => Raw("/v1/score",
            Encoding.ASCII.GetBytes("--abc\r\nContent-Disposition: form-data; name=\"transcript\"\r\n\r\nhi\r\n"), "multipart/form-data; boundary=abc"), HttpStatusCode.BadRequest, "malformed");
        Add("multipart part without headers", () => Raw("/v1/score",
            Encoding.ASCII.GetBytes("--abc\r\n\r\nhi\r\n--abc--\r\n"), "multipart/form-data; boundary=abc"), HttpStatusCode.BadRequest, "Content-Disposition");
        Add("multipart audio as a text field", () => Post("/v1/score", Requests.Multipart(("audio", "not a file"), ("transcript", "hi"))), HttpStatusCode.BadRequest, "must be a file part");
        Add("multipart with two audio files", () => Post("/v1/score", Requests.Multipart(("audio", Speech), ("audio", Speech), ("transcript", "hi"))), HttpStatusCode.BadRequest, "give one file part 'audio'");
        Add("multipart without audio", () => Post("/v1/score", Requests.Multipart(("transcript", "hi"))), HttpStatusCode.BadRequest, "file part 'audio' is missing");
        Add("multipart without transcript", () => Post("/v1/score", Requests.Multipart(("audio", Speech))), HttpStatusCode.BadRequest, "give 'transcript'");
        Add("multipart with two transcripts", () => Post("/v1/score", Requests.Multipart(("audio", Speech), ("transcript", "a"), ("transcript", "b"))), HttpStatusCode.BadRequest, "give one 'transcript' field");
        Add("multipart with transcript and phonemes", () => Post("/v1/score", Requests.Multipart(("audio", Speech), ("transcript", "a"), ("phonemes", "h aI"))), HttpStatusCode.BadRequest, "not both");
        Add("multipart compare without reference", () => Post("/v1/compare", Requests.Multipart(("audio", Speech))), HttpStatusCode.BadRequest, "file part 'reference' is missing");
        Add("multipart rank without candidates", () => Post("/v1/rank", Requests.Multipart(("audio", Speech))), HttpStatusCode.BadRequest, "the candidates to rank");
        Add("multipart matrix without audio", () => Post("/v1/score/matrix", Requests.Multipart(("transcript", "hi"))), HttpStatusCode.BadRequest, "at least one clip");

        // --- JSON faults -------------------------------------------------------------------------------------
        Add("json array body", () => Json("/v1/score", "[1, 2, 3]"), HttpStatusCode.BadRequest, "should be a JSON object");
        Add("json null body", () => Json("/v1/score", "null"), HttpStatusCode.BadRequest, "JSON null");
        Add("json number body", () => Json("/v1/score", "42"), HttpStatusCode.BadRequest, "should be a JSON object");
        Add("json string body", () => Json("/v1/score", "\"audio\""), HttpStatusCode.BadRequest, "should be a JSON object");
        Add("json cut short", () => Json("/v1/score", "{\"audio\": "), HttpStatusCode.BadRequest, "not valid JSON");
        Add("json with trailing garbage", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"transcript\": \"hi\"}} xyz"), HttpStatusCode.BadRequest, "not valid JSON");
        Add("json empty body", () => Json("/v1/score", ""), HttpStatusCode.BadRequest, "not valid JSON");
        // Unknown fields are refused before their value is read, so deep nesting under one costs nothing.
        Add("json nested 100 deep", () => Json("/v1/score", $"{{\"x\": {new string('[', 100)}{new string(']', 100)}}}"), HttpStatusCode.BadRequest, "field 'x' is not part of this request");
        Add("json nested 100 deep in a field", () => Json("/v1/rank", $"{{\"transcripts\": [\"a\", {new string('[', 100)}{new string(']', 100)}]}}"), HttpStatusCode.BadRequest, "transcripts");
        Add("json transcript as a number", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"transcript\": 7}}"), HttpStatusCode.BadRequest, "transcript");
        Add("json transcript as an array", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"transcript\": [\"a\"]}}"), HttpStatusCode.BadRequest, "transcript");
        Add("json phonemes as an object", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"phonemes\": {{}}}}"), HttpStatusCode.BadRequest, "phonemes");
        Add("json without audio", () => Json("/v1/score", "{\"transcript\": \"hello\"}"), HttpStatusCode.BadRequest, "field 'audio' (base64 audio) is missing");
        Add("json with neither transcript nor phonemes", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\"}}"), HttpStatusCode.BadRequest, "give 'transcript' (text) or 'phonemes'");
        Add("json with both transcript and phonemes", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"transcript\": \"a\", \"phonemes\": \"h aI\"}}"), HttpStatusCode.BadRequest, "not both");
        Add("json matrix transcripts as a string", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": \"hi\"}}"), HttpStatusCode.BadRequest, "should be an array");
        Add("json phonetic embedding without text", () => Json("/v1/embed/phonetic", "{}"), HttpStatusCode.BadRequest, "give 'transcript'");

        // --- Text content ------------------------------------------------------------------------------------
        Add("transcript with a lone surrogate", () => Json("/v1/score", $"{{\"audio\": \"{Speech64}\", \"transcript\": \"a\\ud800b\"}}"), HttpStatusCode.BadRequest, "not a valid string");
        Add("transcript of punctuation only", () => Score(Speech, transcript: "!!! ... ?"), HttpStatusCode.UnprocessableEntity, "transcript");
        Add("transcript of blanks", () => Score(Speech, transcript: "   "), HttpStatusCode.UnprocessableEntity, "'transcript' is empty");
        Add("transcript of 1001 characters", () => Score(Speech, transcript: new string('a', 1001)), HttpStatusCode.UnprocessableEntity, "the limit is 1000");
        Add("phonemes unknown to the inventory", () => Score(Speech, phonemes: "zz9 q!"), HttpStatusCode.UnprocessableEntity, "'phonemes'");
        Add("phonemes with the padding token", () => Score(Speech, phonemes: "<pad> a"), HttpStatusCode.UnprocessableEntity, "'phonemes'");
        Add("phonemes of blanks", () => Score(Speech, phonemes: "  "), HttpStatusCode.UnprocessableEntity, "'phonemes' is empty");
        Add("transcript longer than the model takes", () => Score(Speech, transcript: string.Join(' ', Enumerable.Repeat("987654321", 40))), HttpStatusCode.UnprocessableEntity, "this model takes at most 512");
        Add("phonetic embedding of an empty transcript", () => Json("/v1/embed/phonetic", "{\"transcript\": \"\"}"), HttpStatusCode.UnprocessableEntity, "'transcript' is empty");

        // --- Sizes and shapes --------------------------------------------------------------------------------
        Add("body over the limit", () => Score(new byte[1_200_000]), HttpStatusCode.RequestEntityTooLarge, "the limit is 1048576 bytes");
        Add("json body over the limit", () => Json("/v1/score", "{\"audio\": \"" + new string('A', 1_200_000) + "\"}"), HttpStatusCode.RequestEntityTooLarge, "limit");
        Add("matrix of 33 clips", () => Post("/v1/score/matrix", Requests.Multipart([.. Enumerable.Range(0, 33).Select(_ => ("audio", (object)TestClips.Tone(0.2))), ("transcript", "hi")])), HttpStatusCode.RequestEntityTooLarge, "the limit is 32 clips");
        Add("matrix of 65 transcripts", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": [{string.Join(',', Enumerable.Repeat("\"a\"", 65))}]}}"), HttpStatusCode.RequestEntityTooLarge, "64 columns");
        Add("matrix with no clips", () => Json("/v1/score/matrix", "{\"audios\": [], \"transcripts\": [\"a\"]}"), HttpStatusCode.BadRequest, "at least one clip");
        Add("matrix with no columns", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": []}}"), HttpStatusCode.BadRequest, "at least one clip and one column");
        Add("matrix without audios", () => Json("/v1/score/matrix", "{\"transcripts\": [\"a\"]}"), HttpStatusCode.BadRequest, "field 'audios'");
        Add("matrix with transcripts and phonemes", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": [\"a\"], \"phonemes\": [\"a\"]}}"), HttpStatusCode.BadRequest, "not both");
        Add("matrix with an empty transcript", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": [\"a\", \"\"]}}"), HttpStatusCode.UnprocessableEntity, "'transcripts[1]' is empty");
        Add("matrix with a null transcript", () => Json("/v1/score/matrix", $"{{\"audios\": [\"{Speech64}\"], \"transcripts\": [null]}}"), HttpStatusCode.UnprocessableEntity, "'transcripts[0]' is empty");
        Add("rank of 65 candidates", () => Json("/v1/rank", $"{{\"audio\": \"{Speech64}\", \"transcripts\": [{string.Join(',', Enumerable.Repeat("\"a\"", 65))}]}}"), HttpStatusCode.RequestEntityTooLarge, "the limit is 64");
        Add("rank of no candidates", () => Json("/v1/rank", $"{{\"audio\": \"{Speech64}\", \"transcripts\": []}}"), HttpStatusCode.BadRequest, "at least one candidate");
        Add("rank with both lists", () => Json("/v1/rank", $"{{\"audio\": \"{Speech64}\", \"transcripts\": [\"a\"], \"phonemes\": [\"a\"]}}"), HttpStatusCode.BadRequest, "not both");
        Add("rank with an empty candidate", () => Json("/v1/rank", $"{{\"audio\": \"{Speech64}\", \"phonemes\": [\"h aI\", \" \"]}}"), HttpStatusCode.UnprocessableEntity, "'phonemes[1]' is empty");

        // --- Query junk --------------------------------------------------------------------------------------
        Add("sequence=maybe", () => Post("/v1/embed/acoustic?sequence=maybe", Requests.Multipart(("audio", Speech))), HttpStatusCode.BadRequest, "sequence");
        Add("sequence=2", () => Post("/v1/embed/acoustic?sequence=2", Requests.Multipart(("audio", Speech))), HttpStatusCode.BadRequest, "sequence");
        Add("words=please", () => Post("/v1/score?words=please", Requests.Multipart(("audio", Speech), ("transcript", "hi"))), HttpStatusCode.BadRequest, "words");
        Add("words=true on a model without the CTC head", () => Post("/v1/score?words=true", Requests.Multipart(("audio", Speech), ("transcript", "hi"))), HttpStatusCode.UnprocessableEntity, "no CTC head");

        // --- Routes and methods ------------------------------------------------------------------------------
        Add("GET /v1/score", () => new HttpRequestMessage(HttpMethod.Get, "/v1/score"), HttpStatusCode.MethodNotAllowed, "GET is not allowed on /v1/score");
        Add("PUT /v1/rank", () => new HttpRequestMessage(HttpMethod.Put, "/v1/rank") { Content = Requests.Json(new { }) }, HttpStatusCode.MethodNotAllowed, "PUT is not allowed");
        Add("DELETE /v1/model", () => new HttpRequestMessage(HttpMethod.Delete, "/v1/model"), HttpStatusCode.MethodNotAllowed, "DELETE is not allowed");
        Add("POST /v1/nothing", () => Post("/v1/nothing", Requests.Json(new { })), HttpStatusCode.NotFound, "no endpoint answers POST /v1/nothing");
        Add("GET /score (no version)", () => new HttpRequestMessage(HttpMethod.Get, "/score"), HttpStatusCode.NotFound, "the API is under /v1");

        // --- The same errors whatever the client accepts ------------------------------------------------------
        foreach (var accept in new[] { "text/plain", "text/html", "application/xml", "audio/wav", "image/png" })
        {
            Add($"missing audio, Accept {accept}", () => WithAccept(Json("/v1/score", "{\"transcript\": \"hi\"}"), accept), HttpStatusCode.BadRequest, "field 'audio' (base64 audio) is missing");
            Add($"unscorable clip, Accept {accept}", () => WithAccept(Score(TestClips.TooShort), accept), HttpStatusCode.UnprocessableEntity, "shortest clip");
            Add($"no such route, Accept {accept}", () => WithAccept(new HttpRequestMessage(HttpMethod.Get, "/v2/score"), accept), HttpStatusCode.NotFound, "no endpoint answers");
        }

        var data = new TheoryData<Case>();
        foreach (var c in cases)
        {
            data.Add(c);
        }

        return data;
    }

    [Fact]
    public void There_are_at_least_150_distinct_cases()
    {
        var names = Cases().Cast<object[]>().Select(row => ((Case)row[0]).Name).ToArray();
        Assert.True(names.Length >= 150, $"{names.Length} cases");
        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_malformed_request_gets_its_status_and_a_problem_that_names_it(Case malformed)
    {
        var client = await factory.CreateReadyClientAsync();
        using var request = malformed.Request();

        using var response = await client.SendAsync(request);

        Assert.True((int)response.StatusCode < 500, $"{malformed.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var problem = await ProblemAssert.IsProblemAsync(response, malformed.Status, malformed.Detail);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.DoesNotContain("Scraps.", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", detail, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Endpoint, Func<byte[], HttpRequestMessage> Make)> AudioEndpoints() =>
    [
        ("embed/acoustic", bytes => Post("/v1/embed/acoustic", Requests.Multipart(("audio", bytes)))),
        ("compare audio", bytes => Post("/v1/compare", Requests.Multipart(("audio", bytes), ("reference", Speech)))),
        ("compare reference", bytes => Post("/v1/compare", Requests.Multipart(("audio", Speech), ("reference", bytes)))),
        ("rank", bytes => Post("/v1/rank", Requests.Multipart(("audio", bytes), ("transcript", "hi")))),
        ("matrix second clip", bytes => Post("/v1/score/matrix", Requests.Multipart(("audio", Speech), ("audio", bytes), ("transcript", "hi")))),
        ("score json", bytes => Json("/v1/score", $"{{\"audio\": \"{Convert.ToBase64String(bytes)}\", \"transcript\": \"hi\"}}")),
    ];

    private static HttpRequestMessage Score(byte[] audio, string? transcript = "hello", string? phonemes = null) =>
        Post("/v1/score", phonemes is null ? Requests.Multipart(("audio", audio), ("transcript", transcript!)) : Requests.Multipart(("audio", audio), ("phonemes", phonemes)));

    private static HttpRequestMessage Post(string path, HttpContent content) => new(HttpMethod.Post, path) { Content = content };

    private static HttpRequestMessage Json(string path, string json) => Post(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static HttpRequestMessage Raw(string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return Post(path, content);
    }

    private static HttpRequestMessage WithAccept(HttpRequestMessage request, string accept)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private static byte[] Patch(byte[] bytes, int offset, string ascii)
    {
        var copy = (byte[])bytes.Clone();
        Encoding.ASCII.GetBytes(ascii).CopyTo(copy, offset);
        return copy;
    }

    private static byte[] Fmt(int tag, int channels, int rate, int bits, int? blockAlign = null)
    {
        var body = new byte[16];
        var align = blockAlign ?? channels * ((bits + 7) / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, (ushort)tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)(rate * align));
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), (ushort)align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), (ushort)bits);
        return body;
    }

    /// <summary>A WAV with this fmt chunk and 0.5 s of silence.</summary>
    private static byte[] Wav(byte[] fmt) => Riff([("fmt ", fmt), ("data", new byte[16000])]);

    private static byte[] FloatWav(float value, int samples)
    {
        var data = new byte[samples * 4];
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), value);
        }

        return Riff([("fmt ", Fmt(3, 1, 16000, 32)), ("data", data)]);
    }

    private static byte[] Riff(List<(string Id, byte[] Body)> chunks)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        foreach (var (id, body) in chunks)
        {
            stream.Write(Encoding.ASCII.GetBytes(id));
            var size = new byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
            stream.Write(size);
            stream.Write(body);
        }

        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
