namespace Scraps.Service.Api.Requests;

/// <summary>One clip's encoded bytes, with the request field it came from (named in error details).</summary>
internal sealed record AudioPart(string Field, byte[] Bytes);
