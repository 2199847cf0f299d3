using System.Collections.Immutable;

namespace BkTui.Core.Monitor;

/// <summary>
/// What the boot log said so far, folded from <see cref="BootFact"/>s (latest value wins), plus a
/// one-line reading of it in the user's terms.
/// </summary>
public sealed record BootSummary
{
    public static readonly BootSummary Empty = new();

    public string? Bootloader { get; init; }
    public ImmutableList<string> RtThread { get; init; } = ImmutableList<string>.Empty;
    public bool AppInvalid { get; init; }
    public string? AppStart { get; init; }
    public ImmutableList<string> Firmware { get; init; } = ImmutableList<string>.Empty;
    /// <summary>The latest firmware name and version heard ("OpenBeken 1.18.21").</summary>
    public string? Version { get; init; }
    /// <summary>Bootloader banners heard: more than one after a single reset means the chip reset again.</summary>
    public int Banners { get; init; }
    public string? FlashId { get; init; }
    public string? ChipId { get; init; }
    public string? Mac { get; init; }
    public ImmutableList<string> Warnings { get; init; } = ImmutableList<string>.Empty;
    public int Lines { get; init; }

    public BootSummary Add(BootFact fact) => fact.Kind switch
    {
        BootFactKind.Bootloader => this with { Bootloader = fact.Value, AppInvalid = false, AppStart = null, Banners = Banners + 1 },
        BootFactKind.RtThread => this with { RtThread = AddOnce(RtThread, fact.Value) },
        BootFactKind.AppInvalid => this with { AppInvalid = true },
        // The loader may complain and still jump (seen in the zero-key thread): a start or a firmware line wins.
        BootFactKind.AppStart => this with { AppStart = fact.Value, AppInvalid = false },
        BootFactKind.Firmware => this with { Firmware = AddOnce(Firmware, fact.Value), AppInvalid = false },
        BootFactKind.Version => this with { Version = fact.Value },
        BootFactKind.FlashId => this with { FlashId = fact.Value },
        BootFactKind.ChipId => this with { ChipId = fact.Value },
        BootFactKind.Mac => this with { Mac = fact.Value },
        BootFactKind.Warning => this with { Warnings = AddOnce(Warnings, fact.Value) },
        _ => this,
    };

    public BootSummary AddLine(string line)
    {
        var s = this with { Lines = Lines + 1 };
        foreach (var f in BootLogRecognizer.Recognise(line)) s = s.Add(f);
        return s;
    }

    public static BootSummary Of(IEnumerable<string> lines) => lines.Aggregate(Empty, (s, l) => s.AddLine(l));

    /// <summary>The reading: which loader, whether it is the M-style RT-Thread one, what runs.</summary>
    public string Reading()
    {
        if (Bootloader is null && RtThread.IsEmpty && Firmware.IsEmpty) return Lines == 0 ? "nothing heard yet (reset the device)" : "no known banner yet";
        var parts = new List<string>();
        if (Bootloader is not null) parts.Add($"bootloader {Bootloader}");
        if (!RtThread.IsEmpty) parts.Add("RT-Thread loader (BK7231M / BL2028N style: keep it)");
        if (AppInvalid) parts.Add("no valid app: flash one");
        else if (!Firmware.IsEmpty) parts.Add("running " + string.Join(", ", Firmware));
        else if (AppStart is not null) parts.Add("app started");
        if (Mac is not null && Mac.EndsWith("00:00", StringComparison.Ordinal)) parts.Add($"MAC {Mac} is a placeholder: Restore RF");
        return string.Join("; ", parts);
    }

    private static ImmutableList<string> AddOnce(ImmutableList<string> list, string value) => list.Contains(value) ? list : list.Add(value);
}
