using Scraps.Trainer.Corpus.Augmentation;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Everything about one clip, decided from the seed before any audio exists.</summary>
internal sealed record ClipPlan(
    int Index,
    string Id,
    string AudioPath,
    string Split,
    VoiceRef Voice,
    string Text,
    SynthesisSettings Settings,
    AugmentationPlan Augmentation);
