namespace Scraps.Model.Training;

/// <summary>
/// The batch order of each epoch, a pure function of (seed, epoch): utterances are shuffled, cut into pools
/// of <see cref="PoolBatches"/> batches, each pool sorted by length and cut into batches (at most
/// <see cref="TrainingOptions.BatchSize"/> pairs and, with a budget, at most
/// <see cref="TrainingOptions.MaxFramesPerBatch"/> padded frames), then the batches are shuffled.
/// Sorting inside a pool keeps padding low while every epoch still mixes lengths. Two utterances with the
/// same phonemes (one sentence read by several voices) never share a batch: each would be the other's
/// false negative in the contrastive loss.
/// </summary>
internal sealed class LengthBucketSampler
{
    public const int PoolBatches = 32;

    private readonly IReadOnlyList<TrainingUtterance> _utterances;
    private readonly TrainingOptions _options;
    private readonly ulong[] _textKeys;
    private (int Epoch, IReadOnlyList<int[]> Batches)? _cached;

    public LengthBucketSampler(IReadOnlyList<TrainingUtterance> utterances, TrainingOptions options)
    {
        if (utterances.Count < 2)
        {
            throw new ArgumentException($"Training needs at least 2 utterances to form a contrastive batch; it has {utterances.Count}.", nameof(utterances));
        }

        _utterances = utterances;
        _options = options;
        _textKeys = utterances.Select(u => TextKey(u.PhonemeIds)).ToArray();
        if (_textKeys.Distinct().Count() < 2)
        {
            throw new ArgumentException("Every training utterance has the same phonemes: a contrastive batch needs at least two different transcripts.", nameof(utterances));
        }
    }

    /// <summary>The batches of an epoch, each a list of positions in the utterance list.</summary>
    public IReadOnlyList<int[]> Epoch(int epoch)
    {
        if (_cached is { } c && c.Epoch == epoch)
        {
            return c.Batches;
        }

        var random = new DeterministicRandom(_options.Seed, RandomPurpose.EpochOrder, epoch);
        var order = Enumerable.Range(0, _utterances.Count).ToArray();
        random.Shuffle(order);

        var batches = new List<int[]>();
        var poolSize = _options.BatchSize * PoolBatches;
        for (var start = 0; start < order.Length; start += poolSize)
        {
            var pool = order.AsSpan(start, Math.Min(poolSize, order.Length - start)).ToArray();
            Array.Sort(pool, (a, b) => _utterances[a].Frames != _utterances[b].Frames
                ? _utterances[a].Frames.CompareTo(_utterances[b].Frames)
                : a.CompareTo(b));
            CutPool(new List<int>(pool), batches);
        }
        if (batches.Count == 0)
        {
            throw new ArgumentException("No batch of two different transcripts can be formed from the training utterances.");
        }

        random.Shuffle(batches);
        _cached = (epoch, batches);
        return batches;
    }

    /// <summary>The batch at <paramref name="position"/> and the position after it (moving to the next epoch at the end).</summary>
    public (int[] Batch, DataPosition Next) Take(DataPosition position)
    {
        var batches = Epoch(position.Epoch);
        if (position.Batch < 0 || position.Batch >= batches.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position,
                $"Epoch {position.Epoch} has {batches.Count} batches; the checkpoint's data position does not fit this data set.");
        }

        var next = position.Batch + 1 < batches.Count ? position with { Batch = position.Batch + 1 } : new DataPosition(position.Epoch + 1, 0);
        return (batches[position.Batch], next);
    }

    /// <summary>
    /// Greedy batches from a length-sorted pool; duplicates of a transcript wait for a later batch. The pool is
    /// split into equal batches (34 pairs at batch 16: 12 + 12 + 10, not 16 + 16 + 2) so that no batch is left
    /// with too few negatives.
    /// </summary>
    private void CutPool(List<int> pending, List<int[]> batches)
    {
        var count = (pending.Count + _options.BatchSize - 1) / _options.BatchSize;
        var capacity = (pending.Count + count - 1) / count;
        var batch = new List<int>(capacity);
        var texts = new HashSet<ulong>();
        while (pending.Count > 0)
        {
            batch.Clear();
            texts.Clear();
            for (var i = 0; i < pending.Count && batch.Count < capacity; i++)
            {
                var item = pending[i];
                // The pool is sorted, so the newest item is the longest: it sets the padded size.
                if (_options.MaxFramesPerBatch > 0 && batch.Count > 0
                    && (long)(batch.Count + 1) * _utterances[item].Frames > _options.MaxFramesPerBatch)
                {
                    break;
                }

                if (!texts.Add(_textKeys[item]))
                {
                    continue;
                }

                batch.Add(item);
            }
            foreach (var item in batch)
            {
                pending.Remove(item);
            }
            // A lone pair (or a pool tail of one transcript) has no negatives: it teaches nothing.
            if (batch.Count >= 2)
            {
                batches.Add(batch.ToArray());
            }
        }
    }

    private static ulong TextKey(int[] ids)
    {
        var hash = 14695981039346656037UL;
        foreach (var id in ids)
        {
            hash = (hash ^ (uint)id) * 1099511628211UL;
        }

        return hash;
    }
}
