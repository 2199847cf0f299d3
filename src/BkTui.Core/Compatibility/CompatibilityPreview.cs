using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Core.Inputs;

namespace BkTui.Core.Compatibility;

/// <summary>
/// What the gate will say about a firmware file before a chip is linked (for a confirmation
/// question): its structure, and its family against the family last seen on that adapter. The
/// recipe's pre-flight still decides on the linked chip.
/// </summary>
public static class CompatibilityPreview
{
    private const long MaxFirmwareBytes = 16 * 1024 * 1024;

    /// <summary>One or two sentences; <paramref name="lastSeen"/> null = no chip seen on that port yet.</summary>
    public static string Describe(string path, ChipFamily? lastSeen) => Assess(path, lastSeen).Text;

    /// <summary>The sentence, and whether the image needs the user's consent for an unknown family (<see cref="FamilyConsent"/>).</summary>
    public static PreviewVerdict Assess(string path, ChipFamily? lastSeen)
    {
        byte[] file;
        try { file = RegularFile.Read(path, MaxFirmwareBytes, "firmware file"); }
        catch (InputFileException e) { return new($"The engine will refuse it: {e.Message}"); }
        var name = Path.GetFileName(path);
        var image = FirmwareInspector.Inspect(file, name);
        if (!image.Writable) return new($"The engine will refuse it: {name} is not a firmware image it can write ({image.Kind}).");
        if (ImageIntegrity.Check(file, image) is { Intact: false } damaged) return new($"The engine will refuse it as damaged: {damaged.Text}");
        var family = ImageFamilyReader.Read(file, image).Family;
        if (family is null)
            return new($"{name} names no chip family: the engine writes it only with your consent (you type the family it is built for; " +
                       "the CLI takes --allow-unknown-family), and refuses it if that family is not the linked chip's.", NeedsFamilyConsent: true);
        return new((family, lastSeen) switch
        {
            ({ } f, { } chip) when !ImageFamilyReader.SameSilicon(f, chip) =>
                $"{name} is built for {f} but this adapter last held a {chip}: the engine will refuse it on that chip (use {CompatibilityGate.RightBuild(chip)}).",
            ({ } f, _) => $"{name} is built for {f}; the key and size are checked on the linked chip before anything is written.",
        });
    }
}

/// <summary>What the preview says, and whether writing needs the typed family consent.</summary>
public sealed record PreviewVerdict(string Text, bool NeedsFamilyConsent = false);
