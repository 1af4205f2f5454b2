using System.Text.Json;

namespace Scraps.Service.Api.Requests;

/// <summary>
/// Reads base64 audio straight from the UTF-8 JSON into bytes (no intermediate string of twice the size), also
/// accepting a data URI ("data:audio/wav;base64,..."). Invalid base64 is a <see cref="JsonException"/> whose
/// <see cref="JsonException.Path"/> names the field.
/// </summary>
internal sealed class Base64AudioConverter : JsonConverter<byte[]>
{
    public const string InvalidMessage = "is not valid base64";

    /// <summary>Messages of this converter start with "is" or "must": the reader prefixes the field named by the exception's path.</summary>
    public static bool IsOwnMessage(string message) => message == InvalidMessage || message.StartsWith("must be a base64 string", StringComparison.Ordinal);
    private const string DataUriMarker = ";base64,";

    public override byte[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"must be a base64 string, not {TokenName(reader.TokenType)}");
        }

        if (reader.TryGetBytesFromBase64(out var bytes))
        {
            return bytes;
        }

        var text = reader.GetString()!.AsSpan().Trim();
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && text.IndexOf(DataUriMarker, StringComparison.OrdinalIgnoreCase) is var marker and >= 0)
        {
            text = text[(marker + DataUriMarker.Length)..];
        }

        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64Chars(text, buffer, out var written) ? buffer[..written] : throw new JsonException(InvalidMessage);
    }

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => token.ToString().ToLowerInvariant(),
    };

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => writer.WriteBase64StringValue(value);
}
