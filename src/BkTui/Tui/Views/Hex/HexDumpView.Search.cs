using System.Globalization;
using BkTui.Tui.Panes.Hex;
using BkTui.Tui.State;

namespace BkTui.Tui.Views.Hex;

public sealed partial class HexDumpView
{
    private byte[] _pattern = [];
    private string? _patternText;
    private long? _matchAt;

    /// <summary>
    /// Searches forward from the cursor for hex bytes ("de ad be ef", "DEADBEEF") or text (anything
    /// else, or in double quotes), wrapping at the end. False, with a message, when absent.
    /// </summary>
    public bool Find(string text)
    {
        if (_document is null) return Refuse("no file open");
        if (HexSearch.ParsePattern(text) is not { } pattern) return Refuse("type hex bytes (de ad be ef) or text");
        (_pattern, _patternText) = (pattern, text.Trim());
        return FindFrom(Offset, 1);
    }

    /// <summary>Next (+1) or previous (-1) match of the last search.</summary>
    public bool FindNext(int direction) =>
        _pattern.Length == 0 ? Refuse("no search yet: press /") : FindFrom(Offset + direction, direction);

    private bool FindFrom(long from, int direction)
    {
        var source = _document!.Source;
        var at = FindShown(from, direction);
        var wrapped = "";
        if (at is null)
        {
            at = FindShown(direction > 0 ? 0 : source.Length - 1, direction);
            wrapped = " (wrapped)";
        }
        _matchAt = at;
        if (at is not { } found)
        {
            SetNeedsDraw();
            return Refuse($"{_patternText} not found");
        }
        Goto(found);
        Say($"{_patternText} at 0x{found:X}{wrapped}");
        return true;
    }

    /// <summary>
    /// The next match that touches no masked secret: a match inside a password would tell what it is,
    /// so while secrets are masked it is passed over as if absent.
    /// </summary>
    private long? FindShown(long from, int direction)
    {
        var source = _document!.Source;
        var at = HexSearch.Find(source, _pattern, from, direction);
        while (at is { } found && !_revealSecrets && _document.TouchesSecret(found, _pattern.Length))
            at = HexSearch.Find(source, _pattern, found + direction, direction);
        return at;
    }

    /// <summary>Shows or hides the secret bytes for this session.</summary>
    public void ToggleSecrets()
    {
        RevealSecrets = !RevealSecrets;
        int count = (_document?.Secrets.Count ?? 0) + (_other?.Secrets.Count ?? 0);
        Say(count == 0 ? "this dump holds no known secrets (OpenBeken passwords)"
            : RevealSecrets ? $"secrets SHOWN in the hex view ({count}); S masks them again" : "secrets masked");
    }

    /// <summary>
    /// Shows <paramref name="other"/> below the document at the same offsets, differences marked; the view owns it.
    /// A <paramref name="warning"/> (dumps of two devices) and unequal sizes are said in the message and kept in the title:
    /// a later message must not hide them.
    /// </summary>
    public void Compare(HexDocument other, string? warning = null)
    {
        if (_document is null)
        {
            other.Dispose();
            Refuse("open a file first");
            return;
        }
        _other?.Dispose();
        _other = other;
        _secretsDiffer = SecretsDiffer(_document, other);
        var sizes = SizeNote(_document, other);
        _compareNote = string.Join(", ", new[] { warning is null ? null : "2 devices", sizes is null ? null : "sizes differ" }.OfType<string>());
        var caveats = string.Join("; ", new[] { warning, sizes }.OfType<string>());
        Say(caveats.Length == 0 ? $"comparing with {other.Name}: d / D jump to differences" : $"{caveats} — comparing with {other.Name}", warning: caveats.Length > 0);
        MoveTo(Offset);
    }

    /// <summary>A dump of one partition beside a whole flash is compared byte for byte from offset 0: say so.</summary>
    private static string? SizeNote(HexDocument a, HexDocument b) => a.Length == b.Length ? null
        : $"{a.Name} is {ViewModels.PartitionMapRow.Kib(a.Length)}, {b.Name} {ViewModels.PartitionMapRow.Kib(b.Length)}: compared at equal offsets from 0";

    /// <summary>True when a byte masked on either side differs between the two (secrets are a few short fields: cheap).</summary>
    private static bool SecretsDiffer(HexDocument a, HexDocument b)
    {
        foreach (var r in a.Secrets.Concat(b.Secrets))
        {
            var mine = new byte[r.Length];
            var theirs = new byte[r.Length];
            int n = r.Start < a.Length ? a.Source.Read(r.Start, mine) : 0;
            int m = r.Start < b.Length ? b.Source.Read(r.Start, theirs) : 0;
            if (n != m || !mine.AsSpan(0, n).SequenceEqual(theirs.AsSpan(0, m))) return true;
        }
        return false;
    }

    public void CloseCompare()
    {
        if (_other is null) return;
        _other.Dispose();
        _other = null;
        _secretsDiffer = false;
        _compareNote = "";
        Say("comparison closed");
        MoveTo(Offset);
    }

    /// <summary>
    /// Goes to the start of the next (+1) or previous (-1) range of differences (as `dumps diff` merges
    /// them) and says where it ends; bytes past the shorter file differ.
    /// </summary>
    public bool JumpDifference(int direction)
    {
        if (_document is null || _other is null) return Refuse("no comparison open (press c)");
        var range = new DifferenceRanges(_document.Source, _other.Source).Next(Offset, direction);
        if (range is not var (start, end)) return Refuse($"no difference {(direction > 0 ? "after" : "before")} 0x{Offset:X}");
        Goto(start);
        var part = _document.PartitionAt(start)?.Name;
        var size = end - start == 1 ? "1 byte" : string.Create(CultureInfo.InvariantCulture, $"{end - start:N0} bytes");
        Say($"differs 0x{start:X6}–0x{end - 1:X6} ({size}{(part is null ? "" : $", {part}")}): d next, D previous");
        return true;
    }

    /// <summary>What the user typed at a prompt of this pane: an offset or partition for goto, else a search.</summary>
    public bool Submit(string purpose, string text) => purpose == GotoPurpose ? Goto(text) : Find(text);

    /// <summary>Runs a keymap action of the hex pane; false for actions that are not the viewer's.</summary>
    public bool Perform(AppAction action)
    {
        switch (action)
        {
            case HexMove { Pages: not 0 } m: Page(m.Pages); break;
            case HexMove m: MoveTo(Offset + m.Bytes + m.Rows * (long)RowLayout.BytesPerRow); break;
            case HexHome: MoveTo(0); break;
            case HexEnd: MoveTo(long.MaxValue); break;
            case HexJumpPartition j: JumpPartition(j.Direction); break;
            case HexFindNext f: FindNext(f.Direction); break;
            case HexToggleBookmark: ToggleBookmark(); break;
            case HexJumpBookmark b: JumpBookmark(b.Direction); break;
            case HexJumpDifference d: JumpDifference(d.Direction); break;
            case HexCloseCompare: CloseCompare(); break;
            case HexToggleSecrets: ToggleSecrets(); break;
            default: return false;
        }
        return true;
    }
}
