namespace Scraps.Service.Errors;

/// <summary>The request itself is malformed (not JSON, a required field missing, bad base64): HTTP 400.</summary>
internal sealed class RequestFormatException(string detail) : Exception(detail);
