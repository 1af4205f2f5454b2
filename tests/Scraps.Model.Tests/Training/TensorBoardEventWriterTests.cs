using System.Buffers.Binary;
using Google.Protobuf;
using Scraps.Model.Training;

namespace Scraps.Model.Tests.Training;

public sealed class TensorBoardEventWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scraps-tb-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Writes_tfrecord_framed_events_with_valid_masked_crcs()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250));
        string path;
        using (var writer = TensorBoardEventWriter.Create(_directory, clock))
        {
            path = writer.Path;
            writer.WriteScalars(42, [new("train/loss", 2.5), new("valid/auc_roc", 0.75)]);
            writer.WriteSessionStart(40);
        }

        Assert.StartsWith("events.out.tfevents.1700000000.", Path.GetFileName(path));
        var records = ReadRecords(File.ReadAllBytes(path));
        Assert.Equal(3, records.Count);

        var version = Decode(records[0]);
        Assert.Equal(1_700_000_000.25, version.WallTime);
        Assert.Equal("brain.Event:2", version.FileVersion);

        var scalars = Decode(records[1]);
        Assert.Equal(42, scalars.Step);
        Assert.Equal([("train/loss", 2.5f), ("valid/auc_roc", 0.75f)], scalars.Values);

        var start = Decode(records[2]);
        Assert.Equal(40, start.Step);
        Assert.Equal(1, start.SessionStatus);
    }

    [Fact]
    public void Two_writers_in_the_same_second_get_different_files()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var a = TensorBoardEventWriter.Create(_directory, clock);
        using var b = TensorBoardEventWriter.Create(_directory, clock);
        Assert.NotEqual(a.Path, b.Path);
    }

    /// <summary>Reads TFRecord framing, checking both masked CRCs of every record.</summary>
    internal static List<byte[]> ReadRecords(byte[] file)
    {
        var records = new List<byte[]>();
        var offset = 0;
        while (offset < file.Length)
        {
            var header = file.AsSpan(offset, 8);
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(header);
            Assert.Equal(Crc32C.Mask(Crc32C.Compute(header)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 8)));
            var data = file.AsSpan(offset + 12, length).ToArray();
            Assert.Equal(Crc32C.Mask(Crc32C.Compute(data)), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 12 + length)));
            records.Add(data);
            offset += 12 + length + 4;
        }
        return records;
    }

    internal sealed record DecodedEvent(double WallTime, long Step, string? FileVersion, List<(string Tag, float Value)> Values, int SessionStatus);

    /// <summary>Decodes a tensorflow.Event with Google.Protobuf's reader (independent of the writer's encoder).</summary>
    internal static DecodedEvent Decode(byte[] data)
    {
        var input = new CodedInputStream(data);
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var values = new List<(string, float)>();
        var status = 0;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: wallTime = input.ReadDouble(); break;
                case 2: step = input.ReadInt64(); break;
                case 3: version = input.ReadString(); break;
                case 5:
                    var summary = new CodedInputStream(input.ReadBytes().ToByteArray());
                    while (summary.ReadTag() is var st && st != 0)
                    {
                        Assert.Equal(1, WireFormat.GetTagFieldNumber(st));
                        var value = new CodedInputStream(summary.ReadBytes().ToByteArray());
                        string name = "";
                        float scalar = float.NaN;
                        while (value.ReadTag() is var vt && vt != 0)
                        {
                            if (WireFormat.GetTagFieldNumber(vt) == 1)
                            {
                                name = value.ReadString();
                            }
                            else if (WireFormat.GetTagFieldNumber(vt) == 2)
                            {
                                scalar = value.ReadFloat();
                            }
                            else
                            {
                                value.SkipLastField();
                            }
                        }
                        values.Add((name, scalar));
                    }
                    break;
                case 7:
                    var log = new CodedInputStream(input.ReadBytes().ToByteArray());
                    while (log.ReadTag() is var lt && lt != 0)
                    {
                        if (WireFormat.GetTagFieldNumber(lt) == 1)
                        {
                            status = log.ReadEnum();
                        }
                        else
                        {
                            log.SkipLastField();
                        }
                    }
                    break;
                default: input.SkipLastField(); break;
            }
        }
        return new DecodedEvent(wallTime, step, version, values, status);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
