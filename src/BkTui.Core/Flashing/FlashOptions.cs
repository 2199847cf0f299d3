using BkTui.Core.Chips;
using BkTui.Core.Protocol;

namespace BkTui.Core.Flashing;

[Flags]
public enum ResetStrategy
{
    None = 0,
    /// <summary>Pulse DTR and RTS (wired to CEN on some adapters/boards).</summary>
    ModemLines = 1,
    /// <summary>Send <c>reboot\n</c> to a running OpenBeken console every few tries.</summary>
    RebootText = 2,
    /// <summary>Ask the user (observer.NeedsAttention) to short CEN to GND or power-cycle.</summary>
    AskUser = 4,
    All = ModemLines | RebootText | AskUser,
}

public sealed record ConnectOptions
{
    /// <summary>
    /// Working baud the user asked for (<c>--baud</c>): tried first, whatever the chip profile says.
    /// Null (the default): the fastest rate of <see cref="BaudLadder"/> this chip, adapter and cable
    /// hold, from the profile's maximum (or <see cref="StartBaud"/>) down (<see cref="BaudPlan"/>).
    /// Either way the session steps down the ladder when a rate does not hold, also mid-transfer.
    /// </summary>
    public int? Baud { get; init; }
    /// <summary>The rate last proven on this adapter (archive): an automatic ladder starts there instead of at the top.</summary>
    public int? StartBaud { get; init; }
    public IReadOnlyList<int> BaudLadder { get; init; } = BaudPlan.DefaultLadder;
    /// <summary>Overall budget for getting the bootloader's attention (BKT 10 s, LTC 20 s).</summary>
    public TimeSpan LinkTimeout { get; init; } = TimeSpan.FromSeconds(20);
    public ResetStrategy Reset { get; init; } = ResetStrategy.All;
    /// <summary>When the user knows the family better than the identification (e.g. an unknown bootloader).</summary>
    public ChipFamily? Family { get; init; }
    /// <summary>Read eFuse key, flash ID and RF MAC during connect (info wants all; a queue job may skip the MAC).</summary>
    public bool ReadMac { get; init; } = true;
    public ProtocolTimeouts Timeouts { get; init; } = ProtocolTimeouts.Default;
    /// <summary>Attempts per sector/command before the operation fails.</summary>
    public int MaxAttempts { get; init; } = 6;
    /// <summary>
    /// Prove after every write and erase that the flash a flipped address bit could reach is unchanged
    /// (chip CRCs before and after; docs/link-and-faults.md "Collateral check"). Off only to measure its cost.
    /// </summary>
    public bool CollateralCheck { get; init; } = true;
    /// <summary>How many times one operation may re-link (chip reset mid-way) before failing.</summary>
    public int MaxRelinks { get; init; } = 3;
}

public sealed record ReadOptions
{
    /// <summary>Blocks the host already holds (this device's last dump, other devices' dumps); proven sectors are taken instead of read.</summary>
    public IKnownBlocks? Known { get; init; }
}

public sealed record WriteOptions
{
    /// <summary>Explicit consent to write below the bootloader size (only on families whose bootloader is writable).</summary>
    public bool AllowBootloader { get; init; }
    /// <summary>Compare each sector's chip CRC first and leave matching sectors alone.</summary>
    public bool SkipMatching { get; init; } = true;
    /// <summary>End with the whole-range CRC (and repair what differs). Off only when the caller proves a larger range itself (<see cref="ChipSession.VerifyWritten"/>).</summary>
    public bool Verify { get; init; } = true;
    /// <summary>
    /// The larger range the caller writes in chunks and proves at its end (with <see cref="Verify"/> off):
    /// a command of this chunk that acted elsewhere inside it is left to that proof, not restored here.
    /// </summary>
    public (uint Start, uint Length)? ProvenByCaller { get; init; }
}
