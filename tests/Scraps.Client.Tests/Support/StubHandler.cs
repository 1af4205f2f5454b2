namespace Scraps.Client.Tests.Support;

/// <summary>A primary handler that answers every request with a fixed response and records the request URIs.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
{
    public List<Uri> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        var response = respond(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
