using Scraps.Trainer.Corpus.Augmentation;
using Scraps.Trainer.Corpus.Text;

namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>Everything about one clip, decided from the seed before any audio exists.</summary>
internal sealed record ClipPlan(
    int Index,
    string Id,
    string AudioPath,
    string Split,
    VoiceRef Voice,
    PlannedText Text,
    SynthesisSettings Settings,
    AugmentationPlan Augmentation);
