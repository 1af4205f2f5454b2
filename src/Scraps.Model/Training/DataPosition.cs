namespace Scraps.Model.Training;

/// <summary>Where the trainer is in its data order: the next batch to take is batch <see cref="Batch"/> of epoch <see cref="Epoch"/>.</summary>
public readonly record struct DataPosition(int Epoch, int Batch);
