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

    /// <summary>espeak_Initialize option: synthesis reports a phoneme event where each phoneme starts.</summary>
    public const int InitializePhonemeEvents = 0x0001;

    /// <summary>espeak_Initialize option: phoneme events name their phoneme in IPA rather than espeak's mnemonics.</summary>
    public const int InitializePhonemeIpa = 0x0002;

    /// <summary>espeak_EVENT_TYPE values read from synthesis callbacks.</summary>
    public const int EventListTerminated = 0;
    public const int EventPhoneme = 7;

    /// <summary>espeak_Synth flags: the text is UTF-8.</summary>
    public const uint SynthCharsUtf8 = 1;

    /// <summary>espeak_PARAMETER values.</summary>
    public const int ParameterRate = 1;
    public const int ParameterPitch = 3;

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

    /// <summary>Sets the function synthesis hands its samples and events to (called on the synthesizing thread).</summary>
    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_SetSynthCallback")]
    public static unsafe partial void SetSynthCallback(delegate* unmanaged<short*, int, EspeakEvent*, int> callback);

    /// <summary>Synthesizes <paramref name="text"/> (NUL-terminated, <paramref name="size"/> bytes with the NUL); synchronous output returns when done.</summary>
    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_Synth")]
    public static partial int Synth(IntPtr text, nuint size, uint position, int positionType, uint endPosition, uint flags, IntPtr uniqueIdentifier, IntPtr userData);

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_Synchronize")]
    public static partial int Synchronize();

    [LibraryImport(EspeakLibrary.ImportName, EntryPoint = "espeak_SetParameter")]
    public static partial int SetParameter(int parameter, int value, int relative);

    /// <summary>espeak_EVENT (speak_lib.h): 40 bytes on 64-bit platforms; <see cref="Id"/> holds a phoneme's name (UTF-8, up to 8 bytes).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct EspeakEvent
    {
        public int Type;
        public uint UniqueIdentifier;
        public int TextPosition;
        public int Length;
        public int AudioPosition;
        public int Sample;
        public IntPtr UserData;
        public fixed byte Id[8];
    }

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
