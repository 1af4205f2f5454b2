namespace Scraps.Service.Errors;

/// <summary>The request's Content-Type is not one the endpoint reads: HTTP 415.</summary>
internal sealed class UnsupportedContentTypeException(string detail) : Exception(detail);
