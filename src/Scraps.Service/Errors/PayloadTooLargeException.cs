namespace Scraps.Service.Errors;

/// <summary>The request body or one of its audio parts is larger than the configured limit: HTTP 413.</summary>
internal sealed class PayloadTooLargeException(string detail) : Exception(detail);
