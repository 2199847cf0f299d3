using BkTui.Core.Archive;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;
using BkTui.Tests.TestSupport;
using Xunit.Abstractions;

namespace BkTui.Tests.Tui;

/// <summary>
/// The real binary in tmux: `bktui tui` draws its first frame before its archive is open, then
/// the archive shows — the dump already archived is listed, and the log says the archive was opened.
/// </summary>
public class ArchiveAtStartTmuxTests(ITestOutputHelper output)
{
    [Fact]
    public void Tui_ArchiveOpenedAfterTheFirstFrame_ShowsItsDump()
    {
        if (!TmuxSession.Available)
        {
            output.WriteLine("tmux is not installed: end-to-end TUI test not run (.ci/run installs it)");
            return;
        }
        using var tmux = new TmuxSession(120, 40);
        var archive = Path.Combine(tmux.Home, "archive");
        using (var seed = DumpArchive.Open(archive))
            seed.Import(FlashImageBuilder.Build(new FlashImageSpec { Family = ChipFamily.BK7231N }), DumpSource.FromFile(Path.Combine(tmux.Home, "kitchen-plug.bin")));
        tmux.SendLine($"dotnet {Path.Combine(AppContext.BaseDirectory, "bktui.dll")} tui --archive {archive}");
        tmux.WaitFor("q Quit", 90);
        tmux.SendKeys("3");
        tmux.WaitFor("file kitchen-plug.bin", 30);
        tmux.SendKeys("7");
        var log = tmux.WaitFor($"archive {archive}; 0 jobs known", 30);
        Assert.Contains("first frame", log);
        tmux.SendKeys("q");
        tmux.WaitFor(s => !s.Contains("q Quit"), "the workstation to close");
    }
}
