using BkTui.Core.Chips;
using BkTui.Core.Formats;
using BkTui.Tui.Panes.Ports;
using BkTui.Tui.State;

namespace BkTui.Tui.Panes.Queue;

public sealed partial class QueuePane
{
    /// <summary>
    /// In the firmware prompt, ↑ offers first the builds named for the chip the job goes to (the
    /// family the archive last saw on the target ports, else one their description names, as the demo's
    /// virtual ports do); the rest follow in their own order. The flash gate still checks the file.
    /// </summary>
    public override IReadOnlyList<string> History(AppState state, string purpose, IReadOnlyList<string> entries)
    {
        if (purpose != FirmwarePurpose || TargetFamily(state) is not { } family) return entries;
        bool Suits(string e) => FirmwareInspector.FamilyFromName(e) == family;
        return [.. entries.Where(e => !Suits(e)), .. entries.Where(Suits)];
    }

    /// <summary>The one family every target port points to, or null when they differ or nothing is known.</summary>
    private static ChipFamily? TargetFamily(AppState app)
    {
        var families = PortsPane.TargetPorts(app).Select(p => FamilyOf(app, p) ?? NamedFamily(app, p)).Distinct().ToList();
        return families.Count == 1 ? families[0] : null;
    }

    private static ChipFamily? NamedFamily(AppState app, string port) =>
        app.Panes.TryGetValue(PortsPane.PaneIdValue, out var o) && o is PortsState s && s.Ports.FirstOrDefault(p => p.Path == port)?.Product is { } product
            ? FirmwareInspector.FamilyNamedIn(product) : null;
}
