using BkTui.Core.Chips;

namespace BkTui.Core.Flashing;

/// <summary>Which rates a session tries, fastest first (docs/serial-and-adapters.md#the-baud-ladder).</summary>
public static class BaudPlan
{
    /// <summary>Rates a USB adapter and a Beken UART can both hit within 2 % (26 MHz / integer divisor on the chip side).</summary>
    public static readonly IReadOnlyList<int> DefaultLadder = [3000000, 2000000, 1500000, 921600, 460800, 230400, 115200];

    /// <summary>What every line about the ladder starts with: the CLI prints these (the rest of the session log goes to the log file).</summary>
    public const string LogPrefix = "baud: ";

    /// <summary>
    /// The rates to try, fastest first. An explicit <see cref="ConnectOptions.Baud"/> comes first and
    /// is not bounded by the profile (the user knows the board); otherwise the ladder starts at the
    /// family's maximum (921,600 while the family is unknown or its maximum is), or lower at the
    /// rate remembered for this adapter. Rates below the start are the fallbacks.
    /// </summary>
    public static IReadOnlyList<int> Candidates(ConnectOptions options, ChipFamily? family)
    {
        var ladder = options.BaudLadder.Where(b => b > 0).Distinct().OrderDescending().ToList();
        if (options.Baud is { } asked) return [asked, .. ladder.Where(b => b < asked)];
        var top = family is { } f ? ChipProfiles.For(f).LadderTop : ChipProfiles.UnknownMaxBaud;
        if (options.StartBaud is { } start && start < top) return [start, .. ladder.Where(b => b < start)];
        var fitting = ladder.Where(b => b <= top).ToList();
        return fitting.Count > 0 ? fitting : [Linker.LinkBaud];
    }
}
