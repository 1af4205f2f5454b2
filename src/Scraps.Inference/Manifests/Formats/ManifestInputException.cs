namespace Scraps.Inference.Manifests.Formats;

/// <summary>A manifest that cannot be read at all (missing, wrong layout, unreadable header): one line saying why.</summary>
public sealed class ManifestInputException(string message, Exception? inner = null) : Exception(message, inner), Scraps.Errors.IInputError;
