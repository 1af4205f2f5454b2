namespace Scraps.Architecture;

/// <summary>
/// The files of a model package's ONNX graphs and the names of their inputs and outputs (docs/architecture.md,
/// "ONNX graphs"): the one source for the graph writer (Scraps.Onnx) and the inference engine that runs them.
/// Inputs are listed in the order the graphs declare them.
/// </summary>
public static class GraphPorts
{
    /// <summary><c>phonetic.onnx</c>: phoneme ids to SCRAPS vectors.</summary>
    public static class Phonetic
    {
        public const string FileName = "phonetic.onnx";

        /// <summary>Input: int64 [batch, length], phoneme ids (0 is padding).</summary>
        public const string Phonemes = "phonemes";

        /// <summary>Input: int64 [batch], the valid length of each sequence.</summary>
        public const string Lengths = "lengths";

        /// <summary>Output: float [batch, D], the SCRAPS vectors.</summary>
        public const string Embeddings = "embeddings";

        /// <summary>Output: float [batch, length, d], the per-token backbone outputs.</summary>
        public const string Sequence = "sequence";
    }

    /// <summary><c>acoustic.onnx</c>: standardised log-mel frames to SCRAPS vectors (and the CTC head's outputs).</summary>
    public static class Acoustic
    {
        public const string FileName = "acoustic.onnx";

        /// <summary>Input: float [batch, frames, melBins], standardised log-mel frames.</summary>
        public const string Features = "features";

        /// <summary>Input: int64 [batch], the valid frames of each clip.</summary>
        public const string Lengths = "lengths";

        /// <summary>Output: float [batch, D], the SCRAPS vectors.</summary>
        public const string Embeddings = "embeddings";

        /// <summary>Output: float [batch, steps, d], the per-step backbone outputs.</summary>
        public const string Sequence = "sequence";

        /// <summary>Output: int64 [batch], the valid steps of each clip after subsampling.</summary>
        public const string SequenceLengths = "sequence_lengths";

        /// <summary>Output, in models with a CTC head: float [batch, phone_steps, vocabSize], its per-step log-probabilities.</summary>
        public const string PhoneLogProbs = "phone_log_probs";

        /// <summary>Output, in models with a matching head: what the CTC head reads, float [batch, phone_steps, a].</summary>
        public const string PhoneFeatures = "phone_features";
    }

    /// <summary><c>matching.onnx</c>, in models with a matching head: per phone token, the logit that the audio supports it.</summary>
    public static class Matching
    {
        public const string FileName = "matching.onnx";

        /// <summary>Input: float [batch, length, d], phonetic.onnx's <see cref="Phonetic.Sequence"/>.</summary>
        public const string PhoneStates = "phone_states";

        /// <summary>Input: int64 [batch], the valid tokens of each transcript.</summary>
        public const string PhoneLengths = "phone_lengths";

        /// <summary>Input: float [batch, steps, a], acoustic.onnx's <see cref="Acoustic.PhoneFeatures"/>.</summary>
        public const string Frames = "frames";

        /// <summary>Input: int64 [batch], the valid steps of each clip's features.</summary>
        public const string FrameLengths = "frame_lengths";

        /// <summary>Output: float [batch, length], one logit per token.</summary>
        public const string PhoneLogits = "phone_logits";
    }
}
