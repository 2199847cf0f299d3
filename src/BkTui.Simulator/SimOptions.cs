using BkTui.Core.Chips;

namespace BkTui.Simulator;

/// <summary>How to build and run a virtual chip (<see cref="SimHost"/>, <see cref="VirtualChip"/>, <c>bktui sim</c>).</summary>
public sealed record SimOptions
{
    public ChipFamily Family { get; init; } = ChipFamily.BK7231N;

    /// <summary>Flash contents. Null: <see cref="ImagePath"/> if set, else a synthesized image for the family.</summary>
    public byte[]? Image { get; init; }

    /// <summary>A dump file to serve (and, with <see cref="Persist"/>, to write back to).</summary>
    public string? ImagePath { get; init; }

    /// <summary>Write every erase and program back to <see cref="ImagePath"/> (sector by sector, fsync).</summary>
    public bool Persist { get; init; }

    /// <summary>eFuse key; null = the family's default (BK7231M zero, N and T Tuya).</summary>
    public EfuseKey? EfuseKey { get; init; }

    /// <summary>MAC written into a synthesized image's RF partition (null: a fixed per-family MAC).</summary>
    public byte[]? Mac { get; init; }

    /// <summary>
    /// The MAC the original (vendor) firmware keeps in its own storage and prints at boot when the RF
    /// sector holds none of its own (a placeholder) — as the zero-key seed's VeSync firmware does from
    /// its fac_data partition (<c>--vendor-mac</c>). Never printed by OpenBeken or LibreTiny. Null: the RF MAC.
    /// </summary>
    public string? VendorMac { get; init; }

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>The adapter between host and chip: the rates it can carry (<c>--adapter</c>).</summary>
    public AdapterModel Adapter { get; init; } = AdapterModel.Any;

    /// <summary>The wires to the chip: good, or damaging replies above a rate (<c>--cable</c>).</summary>
    public CableModel Cable { get; init; } = CableModel.Good;

    /// <summary>Highest rate the chip takes; null = the family's profile maximum (921,600 where the profile says unknown).</summary>
    public int? ChipMaxBaud { get; init; }

    /// <summary>Pace bytes and flash work like the real wire (default). Off: full speed, for fast tests.</summary>
    public bool WireModel { get; init; } = true;

    /// <summary>Also make a symlink with this path pointing at the pty.</summary>
    public string? LinkPath { get; init; }

    /// <summary>How long the chip listens for LinkCheck after a reset; null = profiles/sim-timing.yaml.</summary>
    public TimeSpan? LinkWindow { get; init; }

    /// <summary>Treat a host opening the port as a reset (real adapters pulse DTR on open).</summary>
    public bool ResetOnOpen { get; init; } = true;

    /// <summary>
    /// Send the boot log to a second pty (<see cref="SimHost.Tx2Path"/>), the chip's TX2, as most real
    /// firmware does: the flashing port then stays silent after a reboot.
    /// </summary>
    public bool LogOnTx2 { get; init; }

    /// <summary>
    /// FULL chips only: start with status-register block protection set, as Tuya firmware leaves it;
    /// erase/program are then silently ignored until the host unprotects (protocol.md §11).
    /// </summary>
    public bool FlashProtected { get; init; } = true;

    /// <summary>Clock for the wire model; null = wall clock. Tests pass a <see cref="ManualSimClock"/>.</summary>
    public ISimClock? Clock { get; init; }

    public SimTiming? Timing { get; init; }

    /// <summary>Receives one line per notable event (reset, link, baud change, fault) for logs and tests.</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>Loads the image bytes this option set describes (without synthesizing).</summary>
    internal byte[]? LoadImage()
    {
        if (Image is not null) return Image;
        if (ImagePath is null) return null;
        var info = new FileInfo(ImagePath);
        if (!info.Exists) throw new FileNotFoundException($"Image {ImagePath} does not exist.", ImagePath);
        if (!FlashMemory.IsValidSize(info.Length))
            throw new InvalidDataException($"{ImagePath} is {info.Length} bytes; a flash image must be a power of two between 256 KiB and 16 MiB (a full dump, e.g. 2 MiB).");
        return File.ReadAllBytes(ImagePath);
    }
}
