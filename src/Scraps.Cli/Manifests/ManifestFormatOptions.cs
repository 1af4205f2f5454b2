using System.CommandLine;
using Scraps.Inference.Manifests.Formats;

namespace Scraps.Cli.Manifests;

/// <summary>
/// The options that say how to read a manifest of any supported format (score, filter and report take the same):
/// <c>--format</c> (else detected from the path) and each format's own field or column names.
/// </summary>
internal sealed class ManifestFormatOptions
{
    public Option<ManifestFormat?> Format { get; } = new("--format")
    {
        Description = "Manifest format: Scraps (JSON Lines id/audio/text), Nemo (audio_filepath/text/offset/duration), Kaldi (a data directory), "
                      + "Lhotse (cuts, or supervisions with --recordings) or Parquet (Hugging Face layout); default: detected from the path",
    };

    public Option<string> TextField { get; } = new("--text-field") { Description = "NeMo: the field with the transcript", DefaultValueFactory = _ => "text" };

    public Option<string?> Recordings { get; } = new("--recordings") { Description = "Lhotse: the recordings manifest of a supervisions manifest (default: its sibling named recordings)" };

    public Option<string> AudioColumn { get; } = new("--audio-column") { Description = "Parquet: the audio column ({bytes, path} struct, bytes or a path)", DefaultValueFactory = _ => "audio" };

    public Option<string> TextColumn { get; } = new("--text-column") { Description = "Parquet: the transcript column", DefaultValueFactory = _ => "text" };

    public Option<string?> IdColumn { get; } = new("--id-column") { Description = "Parquet: the id column (default: id where it exists, else row-N)", DefaultValueFactory = _ => "id" };

    public IEnumerable<Option> All => [Format, TextField, Recordings, AudioColumn, TextColumn, IdColumn];

    public void AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }
    }

    public ManifestSource Source(ParseResult parse, string path) => new(path)
    {
        Format = parse.GetValue(Format),
        NemoTextField = parse.GetValue(TextField)!,
        LhotseRecordings = parse.GetValue(Recordings),
        ParquetColumns = new ParquetColumns(parse.GetValue(AudioColumn)!, parse.GetValue(TextColumn)!, parse.GetValue(IdColumn)),
    };
}
