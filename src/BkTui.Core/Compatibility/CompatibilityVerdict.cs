using BkTui.Core.Chips;

namespace BkTui.Core.Compatibility;

/// <summary>Can this image run on this chip? Worst of the findings.</summary>
public enum CompatibilityStatus
{
    Compatible,
    /// <summary>Nothing says it cannot run, but the image's family cannot be told: the user must consent.</summary>
    Unknown,
    /// <summary>A finding says it cannot run (wrong family, wrong key, too large): nothing may be sent.</summary>
    Refused,
}

/// <summary>One aspect the gate checked: "family", "key" or "size".</summary>
public sealed record CompatibilityFinding(string Aspect, CompatibilityStatus Status, string Text, bool Overridden = false);

/// <summary>The gate's answer for one image on one chip, with its reasons and the build to use instead.</summary>
public sealed record CompatibilityVerdict
{
    public required CompatibilityStatus Status { get; init; }
    public required ChipFamily ChipFamily { get; init; }
    public ChipFamily? ImageFamily { get; init; }
    public required IReadOnlyList<CompatibilityFinding> Findings { get; init; }
    /// <summary>What the family is read from in the image.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
    /// <summary>The OpenBeken build for the chip ("OpenBK7231T_UA_*.bin"), named when the image is wrong for it.</summary>
    public string? RightBuild { get; init; }

    /// <summary>The findings that stop the write (refused, or unknown without consent).</summary>
    public IEnumerable<CompatibilityFinding> Blocking => Findings.Where(f => f.Status != CompatibilityStatus.Compatible && !f.Overridden);

    public bool MayWrite => !Blocking.Any();

    /// <summary>One paragraph for a log line, an error message or the TUI's confirmation.</summary>
    public string Text => Status switch
    {
        CompatibilityStatus.Compatible => $"compatible: {string.Join("; ", Findings.Select(f => f.Text))}",
        _ => string.Join(" ", Findings.Where(f => f.Status != CompatibilityStatus.Compatible).Select(f => f.Overridden ? $"[overridden] {f.Text}" : f.Text)),
    };

    /// <summary>For --json and job records: camelCase names, enum values as words.</summary>
    public CompatibilityJson ToJson() => new(
        Status.ToString().ToLowerInvariant(), ChipFamily.ToString(), ImageFamily?.ToString(), MayWrite, RightBuild,
        Findings.Select(f => new CompatibilityFindingJson(f.Aspect, f.Status.ToString().ToLowerInvariant(), f.Text, f.Overridden)).ToList(),
        Evidence);
}

/// <summary>The JSON shape of a <see cref="CompatibilityVerdict"/> (a named type, so its serialiser is generated at build time).</summary>
public sealed record CompatibilityJson(string Status, string ChipFamily, string? ImageFamily, bool MayWrite, string? RightBuild,
    IReadOnlyList<CompatibilityFindingJson> Findings, IReadOnlyList<string> Evidence);

public sealed record CompatibilityFindingJson(string Aspect, string Status, string Text, bool Overridden);

/// <summary>What the user consented to (CLI flags, JSON request fields, the TUI's question).</summary>
public sealed record CompatibilityConsent
{
    public bool AllowKeyMismatch { get; init; }
    public bool AllowUnknownFamily { get; init; }
    /// <summary>The family the user says an image of unknown family is built for (the workstation's typed consent, <see cref="FamilyConsent"/>).</summary>
    public ChipFamily? UnknownFamilyBuiltFor { get; init; }
    public static CompatibilityConsent None { get; } = new();
}
