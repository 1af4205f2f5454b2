using Scraps.Audio.Native;

namespace Scraps.Audio.Tests.Native;

public sealed unsafe class MemoryVirtualIoTests
{
    [Fact]
    public void Reads_seeks_and_tells_within_the_buffer()
    {
        byte[] data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var destination = new byte[8];
        fixed (byte* bytes = data)
        fixed (byte* target = destination)
        {
            var state = new MemoryVirtualIo.State { Data = bytes, Length = data.Length };
            var io = MemoryVirtualIo.Callbacks;
            var user = (IntPtr)(&state);

            Assert.Equal(10, io.GetFileLength(user));
            Assert.Equal(4, io.Read((IntPtr)target, 4, user));
            Assert.Equal([1, 2, 3, 4], destination[..4]);
            Assert.Equal(4, io.Tell(user));
            Assert.Equal(8, io.Seek(4, 1, user));
            Assert.Equal(2, io.Read((IntPtr)target, 8, user));
            Assert.Equal([9, 10], destination[..2]);
            Assert.Equal(0, io.Read((IntPtr)target, 8, user));
            Assert.Equal(7, io.Seek(-3, 2, user));
            Assert.Equal(-1, io.Seek(-1, 0, user));
            Assert.Equal(7, io.Tell(user));
            Assert.Equal(0, io.Write((IntPtr)target, 1, user));
        }
    }
}
