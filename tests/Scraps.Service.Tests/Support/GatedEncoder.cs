using System.Collections.Concurrent;
using Scraps.Inference.Batching;
using Scraps.Inference.Encoders;

namespace Scraps.Service.Tests.Support;

/// <summary>
/// Wraps a real encoder: records the lengths of every batch it runs and, while <see cref="Hold"/> is set, stops
/// each batch at the door until the test releases it.
/// </summary>
internal sealed class GatedEncoder<TInput>(IBatchEncoder<TInput, EncoderOutput> inner) : IBatchEncoder<TInput, EncoderOutput>
{
    private readonly SemaphoreSlim _release = new(0);

    private volatile bool _hold;

    /// <summary>Holds every batch from now on (and forgets batches that entered before).</summary>
    public bool Hold
    {
        get => _hold;
        set
        {
            while (Entered.CurrentCount > 0)
            {
                Entered.Wait(0);
            }

            _hold = value;
        }
    }

    public SemaphoreSlim Entered { get; } = new(0);

    public ConcurrentQueue<int[]> Batches { get; } = new();

    public IEnumerable<int> Lengths => Batches.SelectMany(b => b);

    public int LengthOf(TInput input) => inner.LengthOf(input);

    public IReadOnlyList<EncoderOutput> EncodeBatch(IReadOnlyList<TInput> inputs, EncoderOutputs outputs, CancellationToken cancellationToken)
    {
        Batches.Enqueue(inputs.Select(inner.LengthOf).ToArray());
        Entered.Release();
        if (_hold && !_release.Wait(TimeSpan.FromSeconds(20), cancellationToken))
        {
            throw new TimeoutException("the test never released the batch");
        }

        return inner.EncodeBatch(inputs, outputs, cancellationToken);
    }

    public void Release(int batches = 1) => _release.Release(batches);

    public async Task WaitEnteredAsync()
    {
        Assert.True(await Entered.WaitAsync(TimeSpan.FromSeconds(20)), "no batch reached the encoder");
    }
}
