using BkTui.Core.Formats.Rf;

namespace BkTui.Core.Monitor;

/// <summary>
/// What the chip said after a reboot, heard on <see cref="Port"/> for a bounded time, and the honest
/// reading of it (<see cref="Message"/>). Only <see cref="BootVerdict.Booted"/> is evidence that a
/// firmware runs; every other verdict says what was (not) heard and what to do.
/// </summary>
public sealed record BootProof
{
    /// <summary>Lines kept in <see cref="Heard"/> (the start of the log, where the banners are).</summary>
    public const int KeptLines = 40;

    public required BootVerdict Verdict { get; init; }
    /// <summary>Where it listened: the flashing port, or the separate boot-log port (TX2) of the bench slot.</summary>
    public required string Port { get; init; }
    public bool OnLogPort { get; init; }
    public int Baud { get; init; }
    /// <summary>How long it listened (bounded by <see cref="BootListenOptions.Duration"/>).</summary>
    public double Seconds { get; init; }
    public string? Bootloader { get; init; }
    /// <summary>Bootloader banners heard; more than one after one reset is a boot loop.</summary>
    public int Banners { get; init; }
    public bool AppVerifyFailed { get; init; }
    /// <summary>The firmware that started, e.g. "OpenBeken" or "LibreTiny, ESPHome".</summary>
    public string? Firmware { get; init; }
    /// <summary>Name and version as the firmware printed them ("OpenBeken 1.18.21").</summary>
    public string? Version { get; init; }
    /// <summary>The MAC the running firmware reported (normalised, lower case).</summary>
    public string? Mac { get; init; }
    public bool MacIsPlaceholder => Mac is not null && PlaceholderMac.Is(Mac);
    public int Lines { get; init; }
    public int Bytes { get; init; }
    /// <summary>Bytes that are neither printable ASCII nor line ends (noise at a wrong baud).</summary>
    public int UnreadableBytes { get; init; }
    public IReadOnlyList<string> Heard { get; init; } = [];
    /// <summary>Why listening ended early (the port went away), or null.</summary>
    public string? Interrupted { get; init; }
    public required string Message { get; init; }

    public bool Booted => Verdict == BootVerdict.Booted;

    /// <summary>A boot loop or an app the bootloader rejects: the device does not run what was written.</summary>
    public bool DoesNotRun => Verdict is BootVerdict.BootLoop or BootVerdict.AppInvalid;

    /// <summary>What was (not) heard in a few words, for a row that has no room for <see cref="Message"/>.</summary>
    public string Brief => Verdict switch
    {
        BootVerdict.Booted => $"{Version ?? Firmware} started",
        BootVerdict.BootLoop => $"boot loop ({Banners} bootloader starts)",
        BootVerdict.AppInvalid => "the bootloader rejected the app",
        BootVerdict.BootloaderOnly => $"no firmware start-up line in {Seconds:0.#} s",
        BootVerdict.Garbled => $"only unreadable bytes in {Seconds:0.#} s",
        BootVerdict.Unrecognised => $"no known boot banner in {Seconds:0.#} s",
        BootVerdict.Silent => $"nothing heard in {Seconds:0.#} s",
        _ => "the boot log was not checked",
    };

    public static BootProof NotChecked(string port, string why) => new() { Verdict = BootVerdict.NotChecked, Port = port, Message = why };
}
