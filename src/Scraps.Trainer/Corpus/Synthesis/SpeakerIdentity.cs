namespace Scraps.Trainer.Corpus.Synthesis;

/// <summary>
/// Which person a voice was recorded from. Different engines ship voices of the same speaker: flite's kal and kal16
/// and festival's kal_diphone are cut from the same diphone recordings, and flite's slt and festival's
/// cmu_us_slt_arctic_hts were both trained on CMU ARCTIC's slt. Holding one of them out while another trains would
/// leak the speaker into validation or test, so the voice split checks speakers, not voice names.
/// A voice not listed here (every espeak-ng voice) is its own speaker.
/// </summary>
internal static class SpeakerIdentity
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["flite:kal"] = "kal",
        ["flite:kal16"] = "kal",
        ["festival:kal_diphone"] = "kal",
        ["flite:slt"] = "slt",
        ["festival:cmu_us_slt_arctic_hts"] = "slt",
        ["flite:awb"] = "awb",
        ["flite:rms"] = "rms",
        ["festival:ked_diphone"] = "ked",
    };

    public static string Of(VoiceRef voice) => Known.GetValueOrDefault(voice.Id) ?? voice.Id;
}
