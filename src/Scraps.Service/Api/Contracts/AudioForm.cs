namespace Scraps.Service.Api.Contracts;

/// <summary>The multipart/form-data form of an acoustic embedding request.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record AudioForm
{
    /// <summary>The clip.</summary>
    public required IFormFile Audio { get; init; }
}
