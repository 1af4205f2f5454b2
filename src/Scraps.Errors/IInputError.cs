namespace Scraps.Errors;

/// <summary>
/// Marks an exception that describes something the user gave us (a file, a manifest line, a transcript, an option
/// value) rather than a fault of ours: the CLIs answer it with its message on one line and exit code 2, the service
/// maps its own kinds to 4xx problems. Implemented by the input errors of every library.
/// </summary>
public interface IInputError
{
}
