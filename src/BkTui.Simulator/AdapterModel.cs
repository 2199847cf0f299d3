namespace BkTui.Simulator;

/// <summary>
/// The USB-serial adapter (or on-board UART) between the host and the chip, as far as rates go
/// (<c>bktui sim --adapter NAME</c>). Asked for more than it can do, its UART runs at its highest
/// rate instead, so bytes at the rate the host believes in come out garbled on the other side.
/// </summary>
public sealed record AdapterModel(string Name, int MaxBaud, string Source)
{
    /// <summary>No limit: the pty's own behaviour (every rate the host sets is the rate on the wire).</summary>
    public static readonly AdapterModel Any = new("any", int.MaxValue, "no adapter modelled");

    /// <summary>Maximum rates from the parts' datasheets.</summary>
    public static readonly IReadOnlyList<AdapterModel> Known =
    [
        new("16550", 115200, "16550A UART with the PC's 1.8432 MHz clock: 1.8432 MHz / 16 = 115,200 (this machine's ttyS0 keeps 115,200, RealUartTests)"),
        new("cp2102", 921600, "Silicon Labs CP2102 datasheet: up to 1 Mbaud, so of the ladder's rates 921,600 is its top"),
        new("ch340", 2000000, "WCH CH340 datasheet: up to 2 Mbps"),
        new("ft232r", 3000000, "FTDI FT232R datasheet: up to 3 Mbaud"),
        new("ch343", 6000000, "WCH CH343 datasheet: up to 6 Mbps"),
    ];

    /// <summary>True when the adapter can put <paramref name="baud"/> on the wire.</summary>
    public bool CanDo(int baud) => baud <= MaxBaud;

    /// <summary>The rate its UART really runs at when the host asks for <paramref name="requested"/>.</summary>
    public int Achieved(int requested) => Math.Min(requested, MaxBaud);

    public static AdapterModel Parse(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("any", StringComparison.OrdinalIgnoreCase)) return Any;
        return Known.FirstOrDefault(a => a.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--adapter: unknown adapter '{name}'. Known: any, {string.Join(", ", Known.Select(a => a.Name))}.");
    }
}
