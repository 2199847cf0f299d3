using System.Text;
using BkTui.Terminal.Lifecycle;

namespace BkTui.Tests.Terminal;

public class TerminalSessionTests
{
    [Fact]
    public void Restore_WritesLeaveSequenceExactlyOnce()
    {
        var output = new MemoryStream();
        using var session = new TerminalSession(output);
        session.Enter();
        session.Write("frame"u8);
        session.Restore();
        session.Restore();
        session.Write("late"u8);
        session.Dispose();

        Assert.Equal("\u001b[?1049h\u001b[?25l\u001b[?7l" + "frame" + "\u001b[0m\u001b[?7h\u001b[?25h\u001b[?1049l",
            Encoding.UTF8.GetString(output.ToArray()));
    }

    [Fact]
    public void Enter_AfterRestore_ReentersForResume()
    {
        var output = new MemoryStream();
        using var session = new TerminalSession(output);
        session.Enter();
        session.Restore();
        session.Enter();
        Assert.True(session.IsActive);
        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(2, text.Split(TerminalModes.Enter).Length - 1);
    }
}
