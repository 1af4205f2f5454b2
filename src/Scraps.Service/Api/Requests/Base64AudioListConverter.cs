using System.Text.Json;

namespace Scraps.Service.Api.Requests;

/// <summary>A JSON array of base64 clips, each read like <see cref="Base64AudioConverter"/>.</summary>
internal sealed class Base64AudioListConverter : JsonConverter<IReadOnlyList<byte[]>>
{
    private static readonly Base64AudioConverter Item = new();

    public override IReadOnlyList<byte[]>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"must be an array of base64 strings, not {reader.TokenType}");
        }

        var clips = new List<byte[]>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            clips.Add(Item.Read(ref reader, typeof(byte[]), options) ?? throw new JsonException("holds null instead of a base64 clip"));
        }

        return clips;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<byte[]> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var clip in value)
        {
            writer.WriteBase64StringValue(clip);
        }

        writer.WriteEndArray();
    }
}
