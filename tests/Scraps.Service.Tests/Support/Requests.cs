using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Scraps.Service.Tests.Support;

/// <summary>Request bodies for the v1 endpoints.</summary>
internal static class Requests
{
    public static JsonContent Json(object body) => JsonContent.Create(body);

    public static MultipartFormDataContent Multipart(params (string Name, object Value)[] parts)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in parts)
        {
            if (value is byte[] bytes)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Add(file, name, name + ".bin");
            }
            else
            {
                content.Add(new StringContent((string)value), name);
            }
        }

        return content;
    }
}
