namespace Scraps.Phonetics;

/// <summary>One token of a phoneme inventory: its id (row of the embedding table) and its renderings.</summary>
/// <param name="Id">Position in the inventory; 0 is padding.</param>
/// <param name="XSampa">X-SAMPA rendering: unique within the inventory, never contains white space.</param>
/// <param name="Ipa">IPA rendering: unique within the inventory, never contains white space.</param>
/// <param name="Kind">What the token stands for.</param>
public sealed record PhonemeSymbol(int Id, string XSampa, string Ipa, PhonemeKind Kind)
{
    public override string ToString() => XSampa;
}
