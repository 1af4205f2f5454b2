using System.Runtime.InteropServices;
using Scraps.Audio.Wav;

namespace Scraps.Audio.Native;

/// <summary>Decodes FLAC, Ogg (Vorbis, Opus), MP3 and the other containers libsndfile knows, straight from memory
/// (sf_open_virtual), to mono float32 (channels averaged).</summary>
internal static unsafe class SndFileDecoder
{
    private const int BlockFrames = 4096;

    public static AudioClip Decode(ReadOnlySpan<byte> data, string container, TimeSpan maxDuration)
    {
        var decoded = DecodePooled(data, container, maxDuration);
        try
        {
            return new AudioClip(decoded.Buffer.AsSpan(0, decoded.Frames).ToArray(), decoded.SampleRate);
        }
        finally
        {
            DecodeBuffers.Pool.Return(decoded.Buffer);
        }
    }

    /// <summary>Decodes into a buffer of <see cref="DecodeBuffers.Pool"/> that the caller must return.</summary>
    public static PooledSamples DecodePooled(ReadOnlySpan<byte> data, string container, TimeSpan maxDuration)
    {
        if (data.IsEmpty)
        {
            throw AudioFormatException.Malformed($"{container} data is empty");
        }

        fixed (byte* bytes = data)
        {
            var state = new MemoryVirtualIo.State { Data = bytes, Length = data.Length, Position = 0 };
            var io = MemoryVirtualIo.Callbacks;
            var info = default(SndFileNative.SfInfo);
            var file = Open(&io, &info, &state, container);
            try
            {
                return ReadAll(file, info, container, maxDuration);
            }
            finally
            {
                _ = SndFileNative.Close(file); // nothing left to do if closing a file we only read from fails
            }
        }
    }

    /// <summary>True when libsndfile can be loaded here.</summary>
    public static bool IsAvailable()
    {
        try
        {
            SndFileNative.EnsureResolver();
            var count = 0;
            _ = SndFileNative.Command(IntPtr.Zero, SndFileNative.SfcGetFormatMajorCount, &count, sizeof(int)); // the count says it
            return count > 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The major formats (containers) this libsndfile build reads, e.g. "FLAC (Free Lossless Audio Codec)".</summary>
    public static IReadOnlyList<string> MajorFormats()
    {
        var count = 0;
        _ = SndFileNative.Command(IntPtr.Zero, SndFileNative.SfcGetFormatMajorCount, &count, sizeof(int)); // the count says it
        var names = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var format = new SndFileNative.SfFormatInfo { Format = i };
            if (SndFileNative.Command(IntPtr.Zero, SndFileNative.SfcGetFormatMajor, &format, sizeof(SndFileNative.SfFormatInfo)) == 0)
            {
                names.Add(Marshal.PtrToStringUTF8(format.Name) ?? "?");
            }
        }

        return names;
    }

    private static IntPtr Open(SndFileNative.SfVirtualIo* io, SndFileNative.SfInfo* info, MemoryVirtualIo.State* state, string container)
    {
        IntPtr file;
        try
        {
            SndFileNative.EnsureResolver();
            file = SndFileNative.OpenVirtual(io, SndFileNative.SfmRead, info, (IntPtr)state);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new AudioFormatException(
                $"decoding {container} needs libsndfile (libsndfile.so.1), which could not be loaded; install the libsndfile1 package",
                offset: null, isUnsupported: true, inner: e);
        }

        if (file != IntPtr.Zero)
        {
            return file;
        }

        var code = SndFileNative.Error(IntPtr.Zero);
        var message = Marshal.PtrToStringUTF8(SndFileNative.StrError(IntPtr.Zero)) ?? "unknown error";
        var text = $"libsndfile cannot open this {container} data: {message.TrimEnd('.', '\n')}";
        throw code is SndFileNative.ErrUnrecognisedFormat or SndFileNative.ErrUnsupportedEncoding
            ? AudioFormatException.Unsupported(text)
            : AudioFormatException.Malformed(text);
    }

    private static PooledSamples ReadAll(IntPtr file, SndFileNative.SfInfo info, string container, TimeSpan maxDuration)
    {
        if (info.Channels <= 0 || info.Channels > 4096)
        {
            throw AudioFormatException.Malformed($"{container} stream reports {info.Channels} channels");
        }

        if (info.SampleRate < WavParser.MinSampleRate || info.SampleRate > WavParser.MaxSampleRate)
        {
            throw AudioFormatException.Unsupported(
                $"{container} sample rate is {info.SampleRate} Hz; supported rates are {WavParser.MinSampleRate} to {WavParser.MaxSampleRate} Hz");
        }

        var maxFrames = AudioDecoder.MaxFrames(info.SampleRate, maxDuration);
        if (info.Frames > maxFrames)
        {
            // The stream states its length: refuse before decoding a single sample (a 58 kB FLAC can claim 299 s at 384 kHz).
            throw new AudioTooLongException((double)info.Frames / info.SampleRate, maxDuration);
        }

        var channels = info.Channels;
        var capacity = info.Frames > 0 ? (int)info.Frames : 1 << 16;
        var output = DecodeBuffers.Pool.Rent(Math.Max(capacity, 1));
        var block = DecodeBuffers.Pool.Rent(BlockFrames * channels);
        long total = 0;
        long nonFinite = 0;
        var scale = 1.0 / channels;
        try
        {
            fixed (float* blockPointer = block)
            {
                while (true)
                {
                    var read = SndFileNative.ReadFramesFloat(file, blockPointer, BlockFrames);
                    if (read <= 0)
                    {
                        break;
                    }

                    if (total + read > maxFrames)
                    {
                        throw new AudioTooLongException(null, maxDuration);
                    }

                    if (total + read > output.Length)
                    {
                        var grown = DecodeBuffers.Pool.Rent((int)Math.Min(Math.Max(output.Length * 2L, total + read), maxFrames));
                        output.AsSpan(0, (int)total).CopyTo(grown);
                        DecodeBuffers.Pool.Return(output);
                        output = grown;
                    }

                    for (var f = 0; f < read; f++)
                    {
                        var sum = 0.0;
                        var finite = true;
                        for (var c = 0; c < channels; c++)
                        {
                            var s = block[f * channels + c];
                            var sampleFinite = float.IsFinite(s);
                            finite &= sampleFinite;
                            sum += sampleFinite ? s : 0f;
                        }

                        nonFinite += finite ? 0 : 1;
                        output[total + f] = (float)(sum * scale);
                    }

                    total += read;
                }
            }

            if (total == 0 && SndFileNative.Error(file) != 0)
            {
                var message = Marshal.PtrToStringUTF8(SndFileNative.StrError(file)) ?? "unknown error";
                throw AudioFormatException.Malformed($"libsndfile could not read samples from this {container} data: {message.TrimEnd('.', '\n')}");
            }

            return new PooledSamples(output, (int)total, info.SampleRate, nonFinite);
        }
        catch
        {
            DecodeBuffers.Pool.Return(output);
            throw;
        }
        finally
        {
            DecodeBuffers.Pool.Return(block);
        }
    }
}

/// <summary>Decoded mono samples in a buffer borrowed from <see cref="DecodeBuffers.Pool"/>: the first <see cref="Frames"/> values count.</summary>
internal readonly record struct PooledSamples(float[] Buffer, int Frames, int SampleRate, long NonFinite);
