using BkTui.Core.Serial;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Commands;

/// <summary>
/// The ':' line's `--port` values, read as the Ports pane shows them: a pane name (the by-id link's
/// name, `ttyUSB0`, a demo chip's name) or the by-id link becomes the port's path before anything is
/// queued or asked, so the dialog and the job name the port the engine opens. A bare name the pane
/// does not list is refused with the names it does; an absolute path passes as typed (a `bktui sim`
/// pty, an adapter plugged in since the last scan) and the engine judges it.
/// </summary>
public static class CommandPorts
{
    private static readonly string[] PortOptions = ["--port", "-p"];

    /// <summary>The tokens with every port value resolved, or why one cannot be.</summary>
    public static (string[] Tokens, string? Refusal) Resolve(string[] tokens, IReadOnlyList<PortInfo> ports)
    {
        if (ports.Count == 0) return (tokens, null); // not scanned yet: nothing to resolve against
        var resolved = (string[])tokens.Clone();
        bool values = false;
        for (int i = 1; i < resolved.Length; i++)
        {
            var t = resolved[i];
            if (PortOptions.Contains(t)) { values = true; continue; }
            string? inline = PortOptions.Select(o => o + "=").FirstOrDefault(t.StartsWith);
            if (inline is null && (t.StartsWith('-') || !values)) { values = false; continue; }
            var name = inline is null ? t : t[inline.Length..];
            var path = PathOf(name, ports);
            if (path is null)
                return (tokens, $"no port '{name}' in [Ports]; its ports are {string.Join(", ", ports.Select(PortRows.ShortName))} (or give a path)");
            resolved[i] = inline is null ? path : inline + path;
            if (inline is not null) values = false;
        }
        return (resolved, null);
    }

    /// <summary>The path of the port a value names, the value itself for an absolute path, else null.</summary>
    public static string? PathOf(string name, IReadOnlyList<PortInfo> ports)
    {
        var known = ports.FirstOrDefault(p => p.Path == name || p.ById == name)
            ?? ports.FirstOrDefault(p => string.Equals(PortRows.ShortName(p), name, StringComparison.Ordinal)
                || string.Equals(Path.GetFileName(p.Path), name, StringComparison.Ordinal));
        if (known is not null) return known.Path;
        return Path.IsPathRooted(name) ? name : null;
    }
}
