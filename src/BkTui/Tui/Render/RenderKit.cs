using BkTui.Tui.Keys;
using BkTui.Tui.Panes;

namespace BkTui.Tui.Render;

/// <summary>The fixed ingredients of rendering (not state): theme, box glyphs, keymap, panes.</summary>
public sealed record RenderKit(Theme Theme, bool Unicode, Keymap Keymap, IReadOnlyList<IPane> Panes)
{
    public IPane? Pane(string id) => Panes.FirstOrDefault(p => p.Id == id);
}
