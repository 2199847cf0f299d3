using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Flashing;

namespace BkTui.Tui.ViewModels;

public enum VerdictLevel { Ok, Warning, Danger }

/// <summary>One sentence of the verdict; <see cref="Level"/> picks the colour, the words carry the meaning.</summary>
public sealed record VerdictLine(VerdictLevel Level, string Text);

/// <summary>The Device pane's content: identity facts and the verdict in the user's terms.</summary>
/// <remarks>The port is not among the facts: the tile's title names it, the detail view gives its path.</remarks>
public sealed record DeviceView(string Port, IReadOnlyList<(string Name, string Value)> Facts, IReadOnlyList<VerdictLine> Verdict)
{
    /// <summary>The chip's MAC as identified (null when none was read): what ties it to an archived device.</summary>
    public string? Mac { get; init; }
    /// <summary>The family and eFuse key verdict as identified (null when the view is the archive's record).</summary>
    public ChipFamily? Family { get; init; }
    public string? KeyVerdict { get; init; }
}

/// <summary>Identify + key check → what the user should do with this chip.</summary>
public static class DeviceViews
{
    public static DeviceView From(string port, ChipInfo info)
    {
        var facts = new List<(string, string)>
        {
            ("Chip", info.Family + (info.ChipId is { } id ? $" (chip id 0x{id:X})" : "")),
            ("Bootloader", info.BootloaderUnknown ? info.Bootloader + ": not in the known list; the analysis of a backup ([Archive], a) reads its version text" : info.Bootloader),
            ("Flash", (info.FlashPart is null ? "" : info.FlashPart + " ") + (info.FlashId is { } f ? $"id 0x{f:X6}, " : "") + Humane.Bytes(info.FlashSize)),
            ("eFuse key", KeyInWords(info.EfuseKey)),
            ("MAC", info.Mac ?? "none (no RF calibration found)"),
            ("Baud", info.Baud.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return new DeviceView(port, facts, Verdict(info.Family, info.EfuseKey, info.Mac)) { Mac = info.Mac, Family = info.Family, KeyVerdict = info.KeyVerdict };
    }

    /// <summary>
    /// What the archive recorded of the device last seen on <paramref name="port"/>, led by when that
    /// was (the title says it is the archive's word, not the chip connected now, which i identifies).
    /// </summary>
    public static DeviceView FromArchive(string port, DeviceRecord seen, DateTimeOffset now)
    {
        EfuseKey? key = EfuseKey.TryParse(seen.EfuseKey, out var k) || EfuseKey.TryParse(seen.KeyVerdict, out k) ? k : null;
        var facts = new List<(string, string)> { ("Last seen", $"{Humane.Ago(seen.LastSeen, now)} on this port; i identifies the chip there now") };
        if (seen.Labels.Count > 0 && !seen.IsUnidentified) facts.Add(("Label", string.Join(", ", seen.Labels)));
        facts.Add(("Chip", (seen.Chip ?? "not recorded") + (seen.ChipId is { } id ? $" (chip id {id})" : "")));
        if (seen.Bootloader is { } loader) facts.Add(("Bootloader", loader));
        if (seen.FlashId is { } flash) facts.Add(("Flash", "id " + flash));
        facts.Add(("eFuse key", key is { } known ? KeyInWords(known) : seen.KeyVerdict is "other" ? "a custom key" : "not recorded"));
        facts.Add(("MAC", seen.Mac
            ?? (seen.IsUnidentified ? $"none of its own: archived as {seen.Name} (a placeholder MAC names no device)" : $"none on record; identified as {seen.Name}")));
        facts.Add(("Dumps", $"{seen.DumpCount} in the archive"));
        var verdict = key is not null && Enum.TryParse<ChipFamily>(seen.Chip, ignoreCase: true, out var family)
            ? Verdict(family, key, seen.Mac ?? seen.PlaceholderMac) : [];
        return new DeviceView(port, facts, verdict) { Mac = seen.Mac };
    }

    /// <summary>The eFuse key as a user reads it: whose key it is and what that means, then the words themselves.</summary>
    public static string KeyInWords(EfuseKey? key) => key switch
    {
        null => "cannot be read on this family",
        { IsTuya: true } k => $"Tuya's standard key: standard builds run ({k})",
        { IsZero: true } => "all zero (a BK7231M / BL2028N): zero-key builds run",
        { } k => $"a custom key: only builds encrypted with it run ({k})",
    };

    /// <summary>The verdict: which build to flash, whether the bootloader stays, whether RF must be restored.</summary>
    public static IReadOnlyList<VerdictLine> Verdict(ChipFamily family, EfuseKey? key, string? mac)
    {
        var lines = new List<VerdictLine>();
        if (key is { IsZero: true })
            lines.Add(new(VerdictLevel.Warning, "All-zero key: this is a BK7231M / BL2028N. Use the zero-key (BK7231M) build; the bootloader is kept."));
        else if (key is { IsTuya: true })
            lines.Add(new(VerdictLevel.Ok, $"Tuya key: standard {family} builds run; the bootloader is kept."));
        else if (key is { } other)
            lines.Add(new(VerdictLevel.Danger, $"Unusual key ({other.Verdict}): only a build made for this key will boot. Keep the bootloader, back up first."));
        else
            lines.Add(new(VerdictLevel.Ok, $"{family}: the key cannot be read on this family; standard {family} builds run."));
        if (mac is null)
            lines.Add(new(VerdictLevel.Danger, "MAC missing: no RF calibration. After flashing, run Restore RF (from this device's backup if there is one)."));
        else if (ChipAdvice.IsPlaceholder(mac))
            lines.Add(new(VerdictLevel.Warning, $"MAC {mac} is a placeholder: run Restore RF to get the real MAC and RF calibration back."));
        else
            lines.Add(new(VerdictLevel.Ok, $"MAC {mac} looks real: RF calibration present."));
        // A to-do until the archive holds a dump of it (WithArchive says so then).
        lines.Add(new(VerdictLevel.Warning, BackUpFirst));
        return lines;
    }

    public const string BackUpFirst = "Back it up first: a full dump is the only way back to the factory firmware.";

    /// <summary>
    /// The backup advice as the archive knows it: a device whose real MAC matches the archive's record of
    /// this port has its dumps counted; a placeholder MAC proves nothing, so the advice stays.
    /// </summary>
    public static DeviceView WithArchive(DeviceView view, DeviceRecord? seen, bool fromArchive)
    {
        if (seen is not { DumpCount: > 0 } || !view.Verdict.Any(l => l.Text == BackUpFirst)) return view;
        bool same = fromArchive || (seen.Mac is { } known && string.Equals(view.Mac, known, StringComparison.OrdinalIgnoreCase));
        var line = same
            ? new VerdictLine(VerdictLevel.Ok, $"Archived: {seen.DumpCount} dump{(seen.DumpCount == 1 ? "" : "s")} of it ([Archive]); the oldest is the way back to the factory firmware.")
            : seen.IsUnidentified
                ? new VerdictLine(VerdictLevel.Ok, $"A dump from this port is archived ({seen.Name}), but its placeholder MAC cannot prove it is this board: back this one up unless you are sure.")
                : null;
        return line is null ? view : view with { Verdict = [.. view.Verdict.Select(l => l.Text == BackUpFirst ? line : l)] };
    }
}
