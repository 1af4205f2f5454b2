using System.Runtime.InteropServices;

namespace Scraps.Phonetics.Espeak;

/// <summary>
/// The few libespeak-ng functions we use (speak_lib.h, espeak-ng 1.51). Not thread-safe: espeak-ng keeps global
/// state, so every call goes through <see cref="EspeakEngine"/>'s lock.
/// </summary>
internal static partial class EspeakNative
{
    /// <summary>espeak_AUDIO_OUTPUT: synthesis (which we never start) would run in the calling thread.</summary>
    public const int AudioOutputSynchronous = 2;

    /// <summary>espeak_Initialize option: return an error instead of exiting the process when data is missing.</summary>
    public const int InitializeDontExit = 0x8000;

    /// <summary>espeak_TextToPhonemes textmode: the text is UTF-8.</summary>
    public const int CharsUtf8 = 1;

    /// <summary>espeak_TextToPhonemes phonememode bit 1: IPA instead of espeak's ASCII mnemonics.</summary>
    public const int PhonemesIpa = 0x02;

    /// <summary>espeak_ERROR values.</summary>
    public const int EeOk = 0;

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_Initialize", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Initialize(int output, int bufferLengthMs, string? path, int options);

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_Info")]
    public static partial IntPtr Info(out IntPtr dataPath);

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_SetVoiceByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVoiceByName(string name);

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_SetVoiceByProperties")]
    public static partial int SetVoiceByProperties(ref EspeakVoice voiceSpec);

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_GetCurrentVoice")]
    public static partial IntPtr GetCurrentVoice();

    /// <summary>
    /// Translates the clause that starts at <paramref name="textPointer"/> and advances the pointer past the text it
    /// read (NULL at the end). Returns a pointer to espeak's own buffer, valid until the next call.
    /// </summary>
    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_TextToPhonemes")]
    public static partial IntPtr TextToPhonemes(ref IntPtr textPointer, int textMode, int phonemeMode);

    /// <summary>espeak_VOICE (speak_lib.h): 40 bytes on 64-bit platforms.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct EspeakVoice
    {
        public IntPtr Name;
        public IntPtr Languages;
        public IntPtr Identifier;
        public byte Gender;
        public byte Age;
        public byte Variant;
        public byte Reserved;
        public int Score;
        public IntPtr Spare;
    }
}
