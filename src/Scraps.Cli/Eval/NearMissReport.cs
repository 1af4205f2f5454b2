using Scraps.Inference.Evaluation;

namespace Scraps.Cli.Eval;

/// <summary>
/// Matched pairs against one-word near misses of their own transcripts (issue 12), by the raw SCRAPS score and by the
/// model's verdict (score and CTC alignment combined; equal to the score's for a model without the CTC head).
/// </summary>
/// <param name="HasAlignment">Whether the model has the CTC head (verdict and per-word confidences).</param>
/// <param name="Substitution">One word replaced by a phonetically close word.</param>
/// <param name="Deletion">One word left out.</param>
/// <param name="Insertion">One random word added.</param>
/// <param name="LocalisationVerdict">Share of substituted pairs whose least supported word (lowest CTC confidence) is the substituted one.</param>
/// <param name="LocalisationScore">The same by the score alone: the word whose removal raises the score most.</param>
/// <param name="LocalisationGoodness">The same by goodness of pronunciation alone (the CTC alignment); null without the head.</param>
/// <param name="LocalisationMatching">The same by the matching head's word logit alone; null when the model's verdict reads no matching head.</param>
/// <param name="FalseRejects">Matched pairs judged no match at the shipped threshold.</param>
/// <param name="NearMissFalseAccepts">Close-word substitutions judged a match.</param>
/// <param name="RandomFalseAccepts">Pairs with another utterance's transcript judged a match.</param>
internal sealed record NearMissReport(
    bool HasAlignment,
    NearMissRow Substitution,
    NearMissRow Deletion,
    NearMissRow Insertion,
    ConfidenceInterval? LocalisationVerdict,
    ConfidenceInterval LocalisationScore,
    ConfidenceInterval? LocalisationGoodness,
    ConfidenceInterval? LocalisationMatching,
    ConfidenceInterval FalseRejects,
    ConfidenceInterval NearMissFalseAccepts,
    ConfidenceInterval RandomFalseAccepts,
    int LocalisedPairs);

/// <summary>AUC-ROC of matched pairs against one kind of near miss, by the raw score and by the verdict (Hanley-McNeil intervals).</summary>
internal sealed record NearMissRow(string Kind, int Pairs, ConfidenceInterval ScoreAuc, ConfidenceInterval VerdictAuc);
