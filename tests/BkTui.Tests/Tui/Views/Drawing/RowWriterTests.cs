using BkTui.Tui.Views.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Color = Terminal.Gui.Drawing.Color;

namespace BkTui.Tests.Tui.Views.Drawing;

/// <summary>
/// The row writer on the real "ansi" driver run headless: what it puts in the screen buffer and
/// what Terminal.Gui then sends to the terminal (the driver's last output).
/// </summary>
public sealed class RowWriterTests : IDisposable
{
    private static readonly Attribute Plain = new(Color.White, Color.Black);
    private static readonly Attribute Bold = new(Color.Yellow, Color.Blue);
    private readonly IApplication _app;
    private readonly StagedRow _view;

    public RowWriterTests()
    {
        _app = Application.Create();
        _app.Init("ansi");
        _app.Driver!.SetScreenSize(20, 3);
        _view = new StagedRow { X = 0, Y = 1, Width = 20, Height = 1 };
        var top = new Runnable();
        top.Add(_view);
        _app.Begin(top);
    }

    public void Dispose() => _app.Dispose();

    private string Show(string text, Attribute? attribute = null, int at = -1)
    {
        _view.Stage = row =>
        {
            row.PutText(0, text, Plain);
            if (at >= 0) row.Put(at, text[at], attribute ?? Plain);
        };
        _view.SetNeedsDraw();
        _app.LayoutAndDraw();
        return _app.Driver!.GetOutput().GetLastOutput();
    }

    private string Row(int y) => _app.Driver!.ToString()!.Split('\n')[y];

    [Fact]
    public void FirstDraw_WritesTheRow()
    {
        Assert.Contains("hello world", Show("hello world"));
        Assert.StartsWith("hello world", Row(1));
    }

    [Fact]
    public void OneChangedCell_IsAllThatIsSent()
    {
        Show("hello world");
        var sent = Show("hello World");
        Assert.Contains("W", sent);
        Assert.DoesNotContain("hello", sent);
        Assert.DoesNotContain("Wo", sent); // Terminal.Gui's AddRune would also send the cell after it
        Assert.StartsWith("hello World", Row(1));
    }

    [Fact]
    public void AChangedAttribute_IsSentEvenWhenTheTextIsTheSame()
    {
        Show("abcdef");
        var sent = Show("abcdef", Bold, at: 2);
        Assert.Contains("c", sent);
        Assert.DoesNotContain("ab", sent);
        Assert.Equal(Bold, _app.Driver!.Contents![1, 2].Attribute);
    }

    [Fact]
    public void AShortUnchangedGap_IsRewritten_ALongOneJumped()
    {
        Show("abcdefghijklmnopqrst");
        Assert.Contains("XbcY", Show("XbcYefghijklmnopqrst")); // two unchanged cells: cheaper than a cursor move
        var sent = Show("ZbcYefghijklmnopqrsZ");
        Assert.DoesNotContain("efghijkl", sent); // fifteen unchanged cells: jumped over
        Assert.StartsWith("ZbcYefghijklmnopqrsZ", Row(1));
    }

    [Fact]
    public void ANullGlyph_LeavesTheCellAsItWas()
    {
        Show("abc");
        _view.Stage = row =>
        {
            row.PutText(0, "xyz", Plain);
            row.Put(1, null, Plain);
        };
        _view.SetNeedsDraw();
        _app.LayoutAndDraw();
        Assert.StartsWith("xbz", Row(1));
    }

    [Fact]
    public void CellsPastTheScreenEdge_AreNotWritten()
    {
        _view.X = 15;
        _view.Width = 10;
        Show("0123456789");
        Assert.Equal("01234", Row(1)[15..20]);
    }

    [Fact]
    public void ControlCharacters_BecomeSpaces()
    {
        Assert.Equal(" ", Glyph.Of('\u001b'));
        Assert.Equal(" ", Glyph.Of('\ud800'));
        Assert.Same(Glyph.Of('│'), Glyph.Of('│'));
    }

    /// <summary>A one-row view that stages its row with <see cref="Stage"/> and writes it with the row writer.</summary>
    private sealed class StagedRow : View
    {
        private readonly RowWriter _row = new();
        public Action<RowWriter> Stage { get; set; } = _ => { };

        protected override bool OnClearingViewport() => true;

        protected override bool OnDrawingContent(DrawContext? context)
        {
            _row.Reset(Viewport.Width, Plain);
            Stage(_row);
            _row.Flush(this, 0);
            return true;
        }
    }
}
