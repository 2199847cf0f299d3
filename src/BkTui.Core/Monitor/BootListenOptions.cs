namespace BkTui.Core.Monitor;

/// <summary>How to listen for the boot log after a reboot.</summary>
public sealed record BootListenOptions
{
    /// <summary>The longest wait: OpenBeken prints its MAC within a few seconds of reset, ESPHome within ~5 s.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(12);

    /// <summary>The log rate: Beken bootloaders, the Beken SDK, OpenBeken and LibreTiny all log at 115200.</summary>
    public int Baud { get; init; } = SerialMonitor.BootBaud;

    /// <summary>Upper bound of the listening; zero means do not listen (the proof is then "not checked").</summary>
    public TimeSpan Duration { get; init; } = DefaultDuration;

    /// <summary>Once a firmware and its MAC were heard, listen this much longer for a reset before concluding.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>A second port wired to the chip's TX2 (the boot log), opened before the reboot; null = the flashing port.</summary>
    public string? LogPort { get; init; }

    /// <summary>Called about every 200 ms while listening with the time spent so far (a job shows it as the listening window's progress).</summary>
    public Action<TimeSpan>? Listening { get; init; }

    /// <summary>Banners that settle a boot loop (listening stops there).</summary>
    public int LoopBanners { get; init; } = 3;
}
