using System.Buffers.Binary;
using System.Text;

namespace Scraps.Model.Training;

/// <summary>
/// Writes scalar summaries as a TensorBoard event file (events.out.tfevents.*): TFRecord framing
/// (length, masked CRC-32C of the length, payload, masked CRC-32C of the payload) around hand-encoded
/// tensorflow.Event protobuf messages. Every record is flushed, so TensorBoard sees it while training runs.
/// </summary>
internal sealed class TensorBoardEventWriter : IDisposable
{
    public const string FileVersion = "brain.Event:2";

    private readonly FileStream _stream;
    private readonly TimeProvider _clock;

    private TensorBoardEventWriter(FileStream stream, TimeProvider clock)
    {
        _stream = stream;
        _clock = clock;
    }

    public string Path => _stream.Name;

    /// <summary>Creates a new event file in <paramref name="directory"/> and writes its version record.</summary>
    public static TensorBoardEventWriter Create(string directory, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        Directory.CreateDirectory(directory);
        var seconds = clock.GetUtcNow().ToUnixTimeSeconds();
        var baseName = $"events.out.tfevents.{seconds}.{Environment.MachineName}.{Environment.ProcessId}";
        var path = System.IO.Path.Combine(directory, baseName);
        for (var n = 1; File.Exists(path); n++)
        {
            path = System.IO.Path.Combine(directory, $"{baseName}.{n}");
        }

        var writer = new TensorBoardEventWriter(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read), clock);
        var e = new ProtoWriter();
        e.Double(1, writer.WallTime());
        e.String(3, FileVersion);
        writer.WriteRecord(e.ToArray());
        return writer;
    }

    /// <summary>One event holding several scalars at the same step.</summary>
    public void WriteScalars(long step, IEnumerable<KeyValuePair<string, double>> scalars)
    {
        ArgumentNullException.ThrowIfNull(scalars);
        var summary = new ProtoWriter();
        foreach (var (tag, value) in scalars)
        {
            // A loss part or figure that is off (NaN) is left out rather than drawn as a gap in every chart.
            if (double.IsNaN(value))
            {
                continue;
            }

            var v = new ProtoWriter();
            v.String(1, tag);
            v.Float(2, (float)value);
            summary.Message(1, v);
        }
        WriteEvent(step, 5, summary);
    }

    /// <summary>
    /// A SessionLog START at <paramref name="step"/>: TensorBoard then drops what earlier files logged after
    /// this step, so a resumed run does not draw the discarded steps twice.
    /// </summary>
    public void WriteSessionStart(long step)
    {
        var log = new ProtoWriter();
        log.Varint(1, 1);
        WriteEvent(step, 7, log);
    }

    public void Dispose() => _stream.Dispose();

    private void WriteEvent(long step, int field, ProtoWriter payload)
    {
        var e = new ProtoWriter();
        e.Double(1, WallTime());
        e.Varint(2, (ulong)step);
        e.Message(field, payload);
        WriteRecord(e.ToArray());
    }

    private double WallTime() => _clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;

    private void WriteRecord(byte[] data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.Mask(Crc32C.Compute(header[..8])));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.Mask(Crc32C.Compute(data)));
        _stream.Write(header);
        _stream.Write(data);
        _stream.Write(footer);
        _stream.Flush();
    }

    /// <summary>The few protobuf wire-format encodings an Event needs.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _buffer = new();

        public void Varint(int field, ulong value)
        {
            Tag(field, 0);
            WriteVarint(value);
        }

        public void Double(int field, double value)
        {
            Tag(field, 1);
            Span<byte> b = stackalloc byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(b, value);
            _buffer.Write(b);
        }

        public void Float(int field, float value)
        {
            Tag(field, 5);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteSingleLittleEndian(b, value);
            _buffer.Write(b);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

        public byte[] ToArray() => _buffer.ToArray();

        private void Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            WriteVarint((ulong)value.Length);
            _buffer.Write(value);
        }

        private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

        private void WriteVarint(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.WriteByte((byte)value);
        }
    }
}
