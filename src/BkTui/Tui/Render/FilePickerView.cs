using BkTui.Tui.Canvas;
using BkTui.Tui.Files;
using BkTui.Tui.Panes;
using BkTui.Tui.ViewModels;

namespace BkTui.Tui.Render;

/// <summary>
/// The file picker: a box over the panes with the directory on top, folders and files below (the
/// selection reversed, sizes right-aligned), and a footer saying what the filter hides and how to
/// see it. Drawn on the canvas like every dialog: a move rewrites two rows, not the screen.
/// </summary>
public static class FilePickerView
{
    public const int MaxWidth = 100;

    /// <summary>The box and the rows the list takes.</summary>
    public static (Rect Area, Rect List) Layout(Rect body)
    {
        var area = body.Centered(Math.Min(body.Width - 4, MaxWidth), body.Height);
        var list = new Rect(area.X + 2, area.Y + 2, Math.Max(0, area.Width - 4), Math.Max(0, area.Height - 4));
        return (area, list);
    }

    /// <summary>The index in <see cref="FilePickerOverlay.Shown"/> of the row at a screen cell, if any.</summary>
    public static int? RowAt(FilePickerOverlay picker, Rect body, int x, int y)
    {
        var list = Layout(body).List;
        if (!list.Contains(x, y)) return null;
        int index = ListWindow.Start(picker.Shown.Length, picker.Selected, list.Height) + y - list.Y;
        return index < picker.Shown.Length ? index : null;
    }

    public static void Draw(FilePickerOverlay picker, ScreenBuffer buffer, Rect body, RenderKit kit)
    {
        var (area, list) = Layout(body);
        var title = picker.Return.Purpose == Panes.Queue.QueuePane.FirmwarePurpose ? "Choose a firmware file" : "Choose a file";
        var inner = Box.Draw(buffer, area, title, Role.Border, kit.Unicode);
        Text.PutEllipsized(buffer, inner.X, inner.Y, FolderText(picker.Directory, inner.Width), Theme.Id(Role.Header), inner.Right);
        if (picker.Error is { } error)
            Text.PutWrapped(buffer, list with { X = list.X - 1 }, error, Theme.Id(Role.Error));
        else if (picker.Shown.IsEmpty || picker.Shown.All(e => e.IsParent))
            buffer.Put(list.X, list.Y + (picker.Shown.IsEmpty ? 0 : 1), picker.Directory.Length == 0 ? "reading…" : "(no folders or firmware files here)", Theme.Id(Role.Dim), list.Right);
        int start = ListWindow.Start(picker.Shown.Length, picker.Selected, list.Height);
        for (int row = 0; row < list.Height && start + row < picker.Shown.Length; row++)
        {
            var entry = picker.Shown[start + row];
            bool selected = start + row == picker.Selected;
            var size = entry.IsDirectory ? "" : Humane.Bytes(entry.Size);
            var name = Text.Cut(entry.Name + (entry.IsDirectory ? "/" : ""), Math.Max(1, list.Width - 12));
            var line = name + size.PadLeft(Math.Max(0, list.Width - name.Length));
            var role = selected ? Role.Selection : entry.IsDirectory ? Role.Title : Role.Normal;
            buffer.Put(list.X, list.Y + row, line, Theme.Id(role), list.Right);
        }
        buffer.Put(inner.X, inner.Bottom - 1, Footer(picker), Theme.Id(Role.Dim), inner.Right);
    }

    /// <summary>The folder, its start cut when too long (the end is the part that tells folders apart).</summary>
    private static string FolderText(string folder, int width) =>
        folder.Length <= width ? folder : "…" + folder[^(Math.Max(1, width - 1))..];

    private static string Footer(FilePickerOverlay picker) => picker.ShowAll
        ? $"all files shown — a: only {FirmwareFiles.Pattern}"
        : $"only {FirmwareFiles.Pattern}" + (picker.Hidden > 0 ? $", {picker.Hidden} other file{(picker.Hidden == 1 ? "" : "s")} hidden" : "") + " — a: all files";
}
