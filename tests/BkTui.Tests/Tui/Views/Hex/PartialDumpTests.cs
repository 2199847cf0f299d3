using BkTui.Tests.Tui.Workstation;
using BkTui.Tui.Views.Hex;

namespace BkTui.Tests.Tui.Views.Hex;

/// <summary>
/// A cut-short dump opened in the viewer says so where the user looks (the message row and the hex
/// title), not only in `bktui analyze`; a folder given to :open is named as a folder.
/// </summary>
public sealed class PartialDumpTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bktui-partial-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_truncated_dump_is_called_partial_with_the_reason()
    {
        var path = Write("cut.bin", WorkstationHarness.Image[..700_000]);
        using var document = HexDocument.Open(path);
        using var s = new HexScreen(80, 24, document);
        s.View.ShowMap(document, HexDocument.Analyse(path));

        var said = Assert.Single(s.Messages, m => m.Text.Contains("PARTIAL", StringComparison.Ordinal));
        Assert.True(said.IsWarning);
        Assert.Contains("cut.bin is PARTIAL: 0xAAE60 bytes is not a flash size", said.Text, StringComparison.Ordinal);
        Assert.StartsWith("cut.bin  PARTIAL  0x00000000/0x000AAE60", s.View.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_dump_is_not_called_partial()
    {
        var path = Write("whole.bin", WorkstationHarness.Image);
        using var document = HexDocument.Open(path);
        using var s = new HexScreen(80, 24, document);
        var map = HexDocument.Analyse(path);
        s.View.ShowMap(document, map);

        Assert.Null(map.Partial);
        Assert.DoesNotContain(s.Messages, m => m.Text.Contains("PARTIAL", StringComparison.Ordinal));
        Assert.DoesNotContain("PARTIAL", s.View.StatusText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_is_named_as_a_folder_not_a_missing_file()
    {
        var e = Assert.Throws<IOException>(() => HexDocument.Open(_dir));
        Assert.IsNotType<FileNotFoundException>(e);
        Assert.Contains("folder", e.Message, StringComparison.Ordinal);
    }
}
