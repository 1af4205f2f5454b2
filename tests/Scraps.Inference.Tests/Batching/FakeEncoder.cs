using System.Collections.Concurrent;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;

namespace Scraps.Inference.Tests.Batching;

/// <summary>
/// Records every batch it is given and answers each clip with "id" (or "id+seq" when sequences were asked for).
/// With <see cref="HoldBatches"/> each batch signals <see cref="Entered"/> and waits for <see cref="Release"/>.
/// </summary>
internal sealed class FakeEncoder : IBatchEncoder<FakeClip, string>
{
    private readonly SemaphoreSlim _release = new(0);

    public ConcurrentQueue<FakeClip[]> Batches { get; } = new();

    public SemaphoreSlim Entered { get; } = new(0);

    public bool HoldBatches { get; init; }

    public Exception? FailWith { get; set; }

    public IEnumerable<string> EncodedIds => Batches.SelectMany(b => b).Select(c => c.Id);

    public int LengthOf(FakeClip input) => input.Length;

    public IReadOnlyList<string> EncodeBatch(IReadOnlyList<FakeClip> inputs, EncoderOutputs outputs, CancellationToken cancellationToken)
    {
        Batches.Enqueue([.. inputs]);
        Entered.Release();
        if (HoldBatches && !_release.Wait(TimeSpan.FromSeconds(10), cancellationToken))
        {
            throw new TimeoutException("the test never released the batch");
        }

        if (FailWith is { } error)
        {
            throw error;
        }

        return inputs.Select(c => outputs.HasFlag(EncoderOutputs.Sequence) ? c.Id + "+seq" : c.Id).ToArray();
    }

    public void Release(int batches = 1) => _release.Release(batches);

    public async Task WaitEnteredAsync(int batches = 1)
    {
        for (var i = 0; i < batches; i++)
        {
            Assert.True(await Entered.WaitAsync(TimeSpan.FromSeconds(10)), "no batch reached the encoder");
        }
    }
}
